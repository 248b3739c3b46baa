using System.CommandLine;

namespace ClusterWatch.Cli;

/// <summary>The feature command groups (demo, plans, enterprises, …), each defined in its feature folder.</summary>
public static class FeatureCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Enterprises.DemoCommands.Create();
        yield return Enterprises.EnterpriseImportCommand.Create();
        yield return Enterprises.CreditCommands.Create();
        yield return Plans.PlanCommands.Create();
        yield return Accounts.UserCommands.Create();
        yield return Reporting.ReportingCommands.Create();
        yield return Analytics.AnalyticsCommands.Create();
        yield return Analytics.AssessmentCommands.Create();
        yield break;
    }
}
