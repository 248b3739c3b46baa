using System.CommandLine;
using ClusterWatch.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Cli;

public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Database schema (数据库)");

        var migrate = new Command("migrate", "Apply pending SQL migrations to the configured database");
        var seed = new Option<bool>("--seed") { Description = "Also load reference and demo data into an empty database" };
        migrate.Options.Add(seed);
        migrate.SetAction(async (parse, ct) => await CliHost.WithDb(async (ctx, sp) =>
        {
            var result = await MigrationRunner.MigrateAsync(ctx, ct);
            Console.WriteLine(result.Applied.Count == 0
                ? $"Schema is current (version {result.ToVersion})."
                : $"Migrated from version {result.FromVersion} to {result.ToVersion}: {string.Join(", ", result.Applied)}");
            if (parse.GetValue(seed))
                await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(CliHost.Options(sp), ct);
            return 0;
        }));
        db.Subcommands.Add(migrate);

        var provider = new Option<DatabaseProvider>("--provider") { Description = "Sqlite or PostgreSQL", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var script = new Command("script", "Print the create script EF generates for the current model (to write a new migration)");
        var tables = new Option<string[]>("--tables") { Description = "Only these tables and their indexes (the body of a new NNNN migration)", AllowMultipleArgumentsPerToken = true };
        script.Options.Add(provider);
        script.Options.Add(tables);
        script.SetAction(parse =>
        {
            var only = parse.GetValue(tables) ?? [];
            Console.WriteLine(only.Length == 0
                ? MigrationRunner.GenerateCreateScript(parse.GetValue(provider))
                : MigrationRunner.GenerateScriptForTables(parse.GetValue(provider), only));
            return 0;
        });
        db.Subcommands.Add(script);
        return db;
    }
}
