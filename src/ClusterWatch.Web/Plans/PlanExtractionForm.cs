using System.Globalization;
using System.Net;
using System.Text;
using ClusterWatch.Core.Plans.Extraction;
using Microsoft.AspNetCore.Html;

namespace ClusterWatch.Web.Plans;

/// <summary>The extraction as the review page edits it: one input per field, unit lists as 、-joined text, a delete box per row.</summary>
public sealed class PlanExtractionForm
{
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public string Region { get; set; } = "";
    public int? PeriodStart { get; set; }
    public int? PeriodEnd { get; set; }
    public List<TargetRow> Targets { get; set; } = [];
    public List<BaselineRow> Baselines { get; set; } = [];
    public List<AllocationRow> Allocations { get; set; } = [];
    public List<TaskRow> Tasks { get; set; } = [];

    public sealed class TargetRow
    {
        public bool Delete { get; set; }
        public string Indicator { get; set; } = "";
        public string Region { get; set; } = "";
        public int Year { get; set; }
        public string Comparator { get; set; } = "=";
        public decimal Value { get; set; }
        public decimal? ValueMax { get; set; }
        public string Unit { get; set; } = "";
        public string? Quote { get; set; }
    }

    public sealed class BaselineRow
    {
        public bool Delete { get; set; }
        public string Indicator { get; set; } = "";
        public string Region { get; set; } = "";
        public int Year { get; set; }
        public decimal Value { get; set; }
        public string Unit { get; set; } = "";
        public string? Quote { get; set; }
    }

    public sealed class AllocationRow
    {
        public bool Delete { get; set; }
        public string Indicator { get; set; } = "";
        public string Region { get; set; } = "";
        public int Year { get; set; }
        public decimal Value { get; set; }
        public string Unit { get; set; } = "";
    }

    public sealed class TaskRow
    {
        public bool Delete { get; set; }
        public string Number { get; set; } = "";
        public string Title { get; set; } = "";
        public string? LeadUnits { get; set; }
        public string? Units { get; set; }
    }

    public const string UnitSeparator = "、";
    private static readonly char[] UnitSeparators = ['、', '，', ',', '；', ';', '\n'];

    public static List<string> SplitUnits(string? text) =>
        (text ?? "").Split(UnitSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static PlanExtractionForm From(PlanExtraction x) => new()
    {
        Title = x.Title, Issuer = x.Issuer, DocNumber = x.DocNumber, Region = x.Region, PeriodStart = x.PeriodStart, PeriodEnd = x.PeriodEnd,
        Targets = x.Targets.Select(t => new TargetRow
        {
            Indicator = t.Indicator, Region = t.Region, Year = t.Year, Comparator = t.Comparator, Value = t.Value, ValueMax = t.ValueMax, Unit = t.Unit, Quote = t.Quote,
        }).ToList(),
        Baselines = x.Baselines.Select(b => new BaselineRow { Indicator = b.Indicator, Region = b.Region, Year = b.Year, Value = b.Value, Unit = b.Unit, Quote = b.Quote }).ToList(),
        Allocations = x.Allocations.Select(a => new AllocationRow { Indicator = a.Indicator, Region = a.Region, Year = a.Year, Value = a.Value, Unit = a.Unit }).ToList(),
        Tasks = x.Tasks.Select(t => new TaskRow
        {
            Number = t.Number, Title = t.Title, LeadUnits = string.Join(UnitSeparator, t.LeadUnits), Units = string.Join(UnitSeparator, t.Units),
        }).ToList(),
    };

    /// <summary>The edited extraction: deleted rows left out, text trimmed, a lead unit missing from the unit list put first.</summary>
    public PlanExtraction ToExtraction() => new(
        Title.Trim(), Blank(Issuer), Blank(DocNumber), Region.Trim(), PeriodStart, PeriodEnd,
        Targets.Where(t => !t.Delete).Select(t => new PlanExtraction.TargetItem(
            t.Indicator.Trim(), t.Region.Trim(), t.Year, t.Value, t.ValueMax, t.Unit.Trim(), t.Comparator.Trim(), Blank(t.Quote))).ToList(),
        Baselines.Where(b => !b.Delete).Select(b => new PlanExtraction.BaselineItem(
            b.Indicator.Trim(), b.Region.Trim(), b.Year, b.Value, b.Unit.Trim(), Blank(b.Quote))).ToList(),
        Tasks.Where(t => !t.Delete).Select(t =>
        {
            var leads = SplitUnits(t.LeadUnits);
            var units = SplitUnits(t.Units);
            units.InsertRange(0, leads.Where(l => !units.Contains(l)));
            return new PlanExtraction.TaskItem(t.Number.Trim(), t.Title.Trim(), leads, units);
        }).ToList(),
        Allocations.Where(a => !a.Delete).Select(a => new PlanExtraction.AllocationItem(
            a.Indicator.Trim(), a.Region.Trim(), a.Year, a.Value, a.Unit.Trim())).ToList());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>HTML for the review page: a source sentence or the whole text with &lt;mark&gt; around the quotes.</summary>
public static class PlanExtractionHighlight
{
    /// <summary>The sentence with its quote marked; empty when the quote was not found in the text.</summary>
    public static IHtmlContent Sentence(string text, PlanImportSource source)
    {
        if (source.Quote is not { } q || source.Sentence is not { } s) return HtmlString.Empty;
        var sb = new StringBuilder();
        sb.Append(Encode(text[s.Start..q.Start])).Append("<mark>").Append(Encode(text[q.Start..q.End])).Append("</mark>").Append(Encode(text[q.End..s.End]));
        return new HtmlString(sb.ToString());
    }

    /// <summary>The whole text with every found quote marked (overlaps merged into the first); each mark has the id given.</summary>
    public static IHtmlContent FullText(string text, IEnumerable<(string Id, SourceSpan Span)> marks)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (id, span) in marks.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length))
        {
            if (span.Start < at || span.End > text.Length) continue;
            sb.Append(Encode(text[at..span.Start]));
            sb.Append("<mark id=\"").Append(WebUtility.HtmlEncode(id)).Append("\">").Append(Encode(text[span.Start..span.End])).Append("</mark>");
            at = span.End;
        }
        sb.Append(Encode(text[at..]));
        return new HtmlString(sb.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
