using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Plans;

/// <summary>POST /api/plans/extract and /api/plans/import through HTTP: contract JSON, refused files, draft plans.</summary>
public abstract class PlanImportApiTests(AppFactory app)
{
    private const string Workplan = "shenzhen-bio-internet-newenergy-workplan-2010-2012";

    private static byte[] SeedBytes(string slug) => File.ReadAllBytes(Path.Combine(AppPaths.SeedData, "plans", slug + ".txt"));

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task Extract_answers_the_contract_json_of_a_seed_document()
    {
        var bytes = SeedBytes(Workplan);
        var response = await app.Client().PostAsync("/api/plans/extract", Upload(bytes, Workplan + ".txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var expected = PlanExtractor.Parse(PlanDocumentReader.ReadText(new MemoryStream(bytes), Workplan + ".txt"));
        Assert.Equal(expected.ToJson(), body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["title", "issuer", "docNumber", "region", "periodStart", "periodEnd", "targets", "baselines", "tasks", "allocations"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        var target = json.RootElement.GetProperty("targets")[0];
        Assert.Equal(["indicator", "region", "year", "value", "valueMax", "unit", "comparator", "quote"], target.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2012, json.RootElement.GetProperty("periodEnd").GetInt32());
        Assert.True(json.RootElement.GetProperty("allocations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_binary_file_is_refused_with_a_chinese_problem_and_nothing_is_saved()
    {
        var plansBefore = await PlanCountAsync();
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[0] = 0x00;

        foreach (var path in new[] { "/api/plans/extract", "/api/plans/import" })
        {
            var response = await app.Client().PostAsync(path, Upload(binary, "plan.txt"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("文件无法解析", problem.RootElement.GetProperty("title").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }
        Assert.Equal(plansBefore, await PlanCountAsync());
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_validation_problem_naming_the_field()
    {
        var response = await app.Client().PostAsync("/api/plans/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Import_creates_a_draft_plan_with_the_parsed_rows_which_can_then_be_confirmed()
    {
        var bytes = SeedBytes(Workplan);
        var parsed = PlanExtractor.Parse(PlanDocumentReader.ReadText(new MemoryStream(bytes), Workplan + ".txt"));
        var client = app.Client();

        var response = await client.PostAsync("/api/plans/import", Upload(bytes, Workplan + ".txt"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("planId").GetInt32();
        Assert.Equal($"/api/plans/{id}", response.Headers.Location?.ToString());
        Assert.StartsWith(Workplan + "-", created.RootElement.GetProperty("slug").GetString());

        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{id}"));
        Assert.Equal("Draft", plan.RootElement.GetProperty("status").GetString());
        var counts = plan.RootElement.GetProperty("counts");
        Assert.Equal(parsed.Targets.Count, counts.GetProperty("targets").GetInt32());
        Assert.Equal(parsed.Baselines.Count, counts.GetProperty("baselines").GetInt32());
        Assert.Equal(parsed.Allocations.Count, counts.GetProperty("allocations").GetInt32());
        Assert.Equal(parsed.Tasks.Count, counts.GetProperty("tasks").GetInt32());
        Assert.True(parsed.Tasks.Count > 0 && parsed.Allocations.Count > 0);

        var confirm = await client.PostAsync($"/api/plans/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        await using var scope = app.Scope(out var db);
        Assert.Equal(PlanStatus.Confirmed, (await db.Plans.SingleAsync(p => p.Id == id)).Status);
    }

    [Fact]
    public async Task Only_an_admin_may_import_a_plan_document()
    {
        var plansBefore = await PlanCountAsync();
        var response = await app.Client("analyst").PostAsync("/api/plans/import", Upload(SeedBytes(Workplan), Workplan + ".txt"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(plansBefore, await PlanCountAsync());
    }

    private async Task<int> PlanCountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Plans.CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlanImportApiTests(SqliteAppFactory app) : PlanImportApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresPlanImportApiTests(PostgresAppFactory app) : PlanImportApiTests(app);
