using ClusterWatch.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void The_committed_initial_script_matches_the_model(DatabaseProvider provider)
    {
        // While 0001 is the only script it must equal EF's create script; a model change needs ./scripts/write-initial-migration.sh.
        var committed = MigrationRunner.Scripts(provider).Single(s => s.Version == 1).Sql;
        var generated = MigrationRunner.GenerateCreateScript(provider);
        Assert.Equal(Normalize(generated), Normalize(committed));
    }

    [Fact]
    public async Task Migrating_twice_applies_each_script_once_and_records_the_version()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cw-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
            await using var db = new AppDbContext(options);
            var first = await MigrationRunner.MigrateAsync(db);
            var second = await MigrationRunner.MigrateAsync(db);
            var latest = MigrationRunner.Scripts(DatabaseProvider.Sqlite).Max(s => s.Version);
            Assert.Equal(0, first.FromVersion);
            Assert.Equal(latest, first.ToVersion);
            Assert.Empty(second.Applied);
            Assert.Equal(0, await db.Plans.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static string Normalize(string sql) => string.Join('\n', sql.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
