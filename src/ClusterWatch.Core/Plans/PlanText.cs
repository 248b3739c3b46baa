namespace ClusterWatch.Core.Plans;

/// <summary>Text keys for matching what plans write: converted texts put spaces and line breaks inside words.</summary>
public static class PlanText
{
    public static string WithoutWhitespace(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
}
