using System.Net;
using ClusterWatch.Tests.Infrastructure;

namespace ClusterWatch.Tests.Regions;

/// <summary>Integration tests are written once against AppFactory and run once per provider by the two subclasses.</summary>
public abstract class HealthApiTests(AppFactory app)
{
    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await app.CreateClient().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHealthApiTests(SqliteAppFactory app) : HealthApiTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresHealthApiTests(PostgresAppFactory app) : HealthApiTests(app);
