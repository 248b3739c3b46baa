using ClusterWatch.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void The_committed_scripts_together_create_exactly_the_model(DatabaseProvider provider)
    {
        // Scripts only add tables, so their statements together must be the model's create statements, each once.
        var committed = MigrationRunner.Scripts(provider).SelectMany(s => MigrationRunner.Statements(s.Sql)).ToList();
        var generated = MigrationRunner.Statements(MigrationRunner.GenerateCreateScript(provider));
        var missing = generated.Except(committed).Select(Head).ToList();
        var extra = committed.Except(generated).Select(Head).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Model and scripts differ. Not in any script (add ./scripts/new-migration.sh NNNN_name Table…): {string.Join(" | ", missing)}. " +
            $"In a script but not in the model (or an existing table changed: write an ALTER script and rework this test): {string.Join(" | ", extra)}");
        Assert.Equal(committed.Count, committed.Distinct().Count());
    }

    [Fact]
    public void A_new_migration_holds_only_the_named_tables_and_their_indexes()
    {
        var script = MigrationRunner.GenerateScriptForTables(DatabaseProvider.Sqlite, ["Plans"]);
        var statements = MigrationRunner.Statements(script);
        Assert.Contains(statements, s => s.StartsWith("CREATE TABLE \"Plans\"", StringComparison.Ordinal));
        Assert.All(statements, s => Assert.Equal("Plans", MigrationRunner.TableOf(s)));
        Assert.Throws<InvalidOperationException>(() => MigrationRunner.GenerateScriptForTables(DatabaseProvider.Sqlite, ["NoSuchTable"]));
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

    private static string Head(string statement) => statement.Split('\n')[0];
}
