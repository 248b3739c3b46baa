using System.CommandLine;
using ClusterWatch.Cli;

var root = new RootCommand("ClusterWatch: follow a regional biomedical-industry plan (命令行)");
root.Subcommands.Add(DbCommands.Create());
foreach (var command in FeatureCommands.All()) root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
