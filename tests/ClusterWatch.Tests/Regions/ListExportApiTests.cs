using System.Net;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Regions;

/// <summary>The regions, units and plans lists exported to XLSX: every matching row, Chinese headers, readable by our own importer.</summary>
public abstract class ListExportApiTests(AppFactory app)
{
    private async Task<TabularTable> ExportAsync(string url)
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return TabularFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "export.xlsx");
    }

    private async Task<int> ListTotalAsync(string url)
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task The_regions_export_without_filters_holds_the_whole_tree_historical_regions_included()
    {
        await using var scope = app.Scope(out var db);
        var all = await db.Regions.CountAsync();
        var current = await db.Regions.CountAsync(r => r.ValidToYear == null);

        var withHistory = await ExportAsync("/api/regions/export?includeHistorical=true");
        var currentOnly = await ExportAsync("/api/regions/export");

        Assert.Equal(all, withHistory.Rows.Count);
        Assert.Equal(current, currentOnly.Rows.Count);
        Assert.True(all > current, "the seed holds renamed or merged regions");
        Assert.Equal(["代码", "名称", "英文名称", "级别", "上级代码"], withHistory.Headers.Take(5));
        Assert.Contains(withHistory.Rows, r => r.Get("代码") == "440305" && r.Get("名称") == "南山区" && r.Get("上级代码") == "440300");
    }

    [Fact]
    public async Task The_regions_export_with_a_parent_holds_the_same_rows_as_the_list()
    {
        var total = await ListTotalAsync("/api/regions?parent=440300&includeHistorical=true&pageSize=1");

        var table = await ExportAsync("/api/regions/export?parent=440300&includeHistorical=true");

        Assert.Equal(total, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("440300", r.Get("上级代码")));
    }

    [Fact]
    public async Task The_regions_export_rejects_an_unknown_level_and_parent_like_the_list()
    {
        var client = await app.ClientAsync("analyst");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/regions/export?level=Planet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/regions/export?parent=999999")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=发展改革")]
    public async Task The_units_export_holds_every_unit_the_list_matches(string query)
    {
        var total = await ListTotalAsync($"/api/units{query}{(query.Length == 0 ? "?" : "&")}pageSize=1");

        var table = await ExportAsync($"/api/units/export{query}");

        Assert.True(total > 0);
        Assert.Equal(total, table.Rows.Count);
        Assert.Equal(["编号", "全称", "简称", "类型"], table.Headers.Take(4));
        if (query.Length > 0) Assert.All(table.Rows, r => Assert.Contains("发展改革", r.Get("全称") + r.Get("简称") + r.Get("别名")));
    }

    [Fact]
    public async Task The_plans_export_holds_every_plan_with_its_counts()
    {
        await using var scope = app.Scope(out var db);
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Title, Targets = p.Targets.Count() }).ToListAsync();

        var table = await ExportAsync("/api/plans/export");

        Assert.Equal(await ListTotalAsync("/api/plans?pageSize=1"), table.Rows.Count);
        Assert.Equal(plans.Count, table.Rows.Count);
        Assert.Contains("标题", table.Headers);
        foreach (var plan in plans)
            // Titles need not be unique: an imported draft of a seeded plan keeps its title.
            Assert.Contains(table.Rows, r => r.Get("标题") == plan.Title && r.Get("目标数") == plan.Targets.ToString());
    }

    [Theory]
    [InlineData("/Regions", "/api/regions/export")]
    [InlineData("/Units", "/api/units/export")]
    [InlineData("/Plans", "/api/plans/export")]
    public async Task Each_list_page_links_its_export(string page, string export)
    {
        var html = await (await app.ClientAsync("analyst")).GetStringAsync(page);
        Assert.Contains($"href=\"{export}", html);
        Assert.Contains("导出 Excel", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteListExportApiTests(SqliteAppFactory app) : ListExportApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresListExportApiTests(PostgresAppFactory app) : ListExportApiTests(app);
