using System.Net;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Enterprises;

/// <summary>The real listed-company directory (名录) over HTTP, against the seeded Tushare + SZSE files.</summary>
public abstract class DirectoryApiTests(AppFactory app)
{
    private const string Mindray = "300760.SZ";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private static List<string> TsCodes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tsCode").GetString()!).ToList();

    [Fact]
    public async Task The_list_answers_one_page_of_real_companies_with_the_total_of_every_row()
    {
        await using var scope = app.Scope(out var db);
        var all = await db.DirectoryCompanies.CountAsync();
        var secondPage = await db.DirectoryCompanies.OrderBy(c => c.TsCode).Skip(20).Take(20).Select(c => c.TsCode).ToListAsync();

        var page = await GetJsonAsync("/api/directory?page=2&pageSize=20");

        Assert.True(all > 5000, $"the seeded directory holds {all} rows");
        Assert.Equal(all, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(secondPage, TsCodes(page));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.False(i.GetProperty("isSynthetic").GetBoolean()));
    }

    [Fact]
    public async Task Biomedical_companies_in_Shenzhen_include_Mindray_and_only_biomedical_Shenzhen_firms()
    {
        await using var scope = app.Scope(out var db);
        var expected = await db.DirectoryCompanies.CountAsync(c => c.IsBiomedical && c.CityCode == "440300");

        var byName = await GetJsonAsync("/api/directory?biomedical=true&city=深圳&pageSize=500");
        var byCode = await GetJsonAsync("/api/directory?biomedical=true&city=440300&pageSize=500");

        Assert.Equal(expected, byName.GetProperty("total").GetInt32());
        Assert.Equal(expected, byCode.GetProperty("total").GetInt32());
        Assert.Contains(Mindray, TsCodes(byName));
        Assert.All(byName.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.True(i.GetProperty("isBiomedical").GetBoolean());
            Assert.Equal("440300", i.GetProperty("cityRegion").GetProperty("code").GetString());
            Assert.False(i.GetProperty("isSynthetic").GetBoolean());
        });
    }

    [Fact]
    public async Task A_district_by_name_keeps_only_companies_registered_there()
    {
        var nanshan = await GetJsonAsync("/api/directory?city=深圳市&district=南山区&pageSize=500");

        Assert.Contains(Mindray, TsCodes(nanshan));
        Assert.All(nanshan.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("440305", i.GetProperty("district").GetProperty("code").GetString());
            Assert.Equal("南山区", i.GetProperty("district").GetProperty("name").GetString());
        });
        Assert.Equal(nanshan.GetProperty("total").GetInt32(), (await GetJsonAsync("/api/directory?district=440305")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("迈瑞")]
    [InlineData("深圳迈瑞生物医疗电子")]
    [InlineData("300760")]
    [InlineData("300760.sz")]
    public async Task The_search_matches_short_name_full_name_and_ts_code(string q)
    {
        var page = await GetJsonAsync($"/api/directory?q={Uri.EscapeDataString(q)}");
        Assert.Contains(Mindray, TsCodes(page));
    }

    [Fact]
    public async Task Industry_and_status_filters_match_the_database()
    {
        await using var scope = app.Scope(out var db);
        var delisted = await db.DirectoryCompanies.CountAsync(c => c.Status == "D");
        var devices = await db.DirectoryCompanies.CountAsync(c => c.Industry == "医疗保健" && c.Status == "L");

        var byStatus = await GetJsonAsync("/api/directory?status=D&pageSize=5");
        var byIndustry = await GetJsonAsync("/api/directory?industry=医疗保健&status=上市&pageSize=5");

        Assert.True(delisted > 0);
        Assert.Equal(delisted, byStatus.GetProperty("total").GetInt32());
        Assert.All(byStatus.GetProperty("items").EnumerateArray(), i => Assert.Equal("D", i.GetProperty("status").GetString()));
        Assert.Equal(devices, byIndustry.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/directory?status=X", "status")]
    [InlineData("/api/directory?city=449999", "city")]
    [InlineData("/api/directory?district=不存在区", "district")]
    [InlineData("/api/directory?pageSize=0", "pageSize")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_field(string url, string field)
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_known_company_answers_with_its_listing_and_location()
    {
        var company = await GetJsonAsync($"/api/directory/{Mindray}");

        Assert.Equal("迈瑞医疗", company.GetProperty("name").GetString());
        Assert.Equal("深圳迈瑞生物医疗电子股份有限公司", company.GetProperty("fullName").GetString());
        Assert.Equal("医疗保健", company.GetProperty("industry").GetString());
        Assert.Equal("20181016", company.GetProperty("listDate").GetString());
        Assert.Equal("L", company.GetProperty("status").GetString());
        Assert.Equal("440305", company.GetProperty("district").GetProperty("code").GetString());
        Assert.True(company.GetProperty("isBiomedical").GetBoolean());
        Assert.False(company.GetProperty("isSynthetic").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_ts_code_is_a_404_problem()
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync("/api/directory/999999.XX");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("999999.XX", (await Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_export_is_an_xlsx_with_every_filtered_row_not_just_one_page()
    {
        var client = await app.ClientAsync("analyst");
        var total = (await GetJsonAsync("/api/directory?biomedical=true&city=440300&pageSize=5")).GetProperty("total").GetInt32();

        var response = await client.GetAsync("/api/directory/export?biomedical=true&city=440300&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var table = TabularFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "directory.xlsx");
        Assert.Equal(total, table.Rows.Count);
        Assert.Contains("代码", table.Headers);
        Assert.Contains("全称", table.Headers);
        var mindray = Assert.Single(table.Rows, r => r.Get("代码") == Mindray);
        Assert.Equal("2018-10-16", mindray.Get("上市日期"));
        Assert.Equal("南山区", mindray.Get("区县"));
    }

    [Fact]
    public async Task An_export_with_a_bad_filter_is_a_400_problem()
    {
        var response = await (await app.ClientAsync("analyst")).GetAsync("/api/directory/export?status=X");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_directory_page_says_the_data_is_real_and_links_the_export_with_its_filters()
    {
        var client = await app.ClientAsync("analyst");

        var html = await client.GetStringAsync("/Enterprises/Directory?city=440300&biomedical=true");
        var index = await client.GetStringAsync("/Enterprises");

        Assert.Contains("real-data-banner", html);
        Assert.Contains("真实公开数据", html);
        Assert.Contains("Tushare", html);
        Assert.Contains("迈瑞医疗", html);
        var table = html[html.IndexOf("id=\"directory-table\"", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("迈瑞医疗", table);
        Assert.DoesNotContain("synthetic", table);
        Assert.Contains("/api/directory/export?city=440300&amp;biomedical=true", html);
        Assert.Contains("href=\"/Enterprises/Directory\"", index);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDirectoryApiTests(SqliteAppFactory app) : DirectoryApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresDirectoryApiTests(PostgresAppFactory app) : DirectoryApiTests(app);
