using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Plans;

/// <summary>Upload a plan document, review and correct what the parser proposes beside its source sentence, save it as a draft plan.</summary>
/// <remarks>No session: the text and the edited rows travel back in the form, so large plans need more form fields than the default.</remarks>
[RequestFormLimits(ValueCountLimit = 50_000, ValueLengthLimit = 16 * 1024 * 1024, MultipartBodyLengthLimit = 16 * 1024 * 1024)]
public class ExtractModel(AppDbContext db) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public PlanExtractionForm Form { get; set; } = new();
    [BindProperty] public string? FullText { get; set; }
    [BindProperty] public string? SourceName { get; set; }

    public string? FileError { get; private set; }
    public PlanImportPreview? Preview { get; private set; }
    public List<string> FormErrors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        ModelState.Clear(); // only the file is posted here
        if (Upload is null || Upload.Length == 0)
        {
            FileError = "请选择要上传的规划文件（.txt、.docx 或 .html）。";
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            FullText = PlanDocumentReader.ReadText(stream, Upload.FileName);
        }
        catch (PlanDocumentException e)
        {
            FileError = $"“{Upload.FileName}”无法解析：{e.Message}";
            return Page();
        }
        SourceName = Path.GetFileName(Upload.FileName);
        var extraction = PlanExtractor.Parse(FullText);
        Form = PlanExtractionForm.From(extraction);
        Preview = await new PlanImporter(db).PreviewAsync(extraction, FullText, SourceName, ct);
        return Page();
    }

    /// <summary>Checks the edited rows again (unit resolution, regions) without saving.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (FullText is null) return RedirectToPage();
        await PreviewEditedAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (FullText is null) return RedirectToPage();
        if (!ModelState.IsValid)
        {
            await PreviewEditedAsync(ct);
            return Page();
        }
        var extraction = Form.ToExtraction();
        var result = await new PlanImporter(db).SaveAsync(extraction, NormalizedText(FullText), SourceName ?? "upload.txt", ct: ct);
        if (result.Succeeded) return Redirect($"/Plans/Details/{result.PlanId}");
        await PreviewEditedAsync(ct);
        return Page();
    }

    private async Task PreviewEditedAsync(CancellationToken ct)
    {
        FullText = NormalizedText(FullText!);
        // Binding errors are English by default: name the row and field in Chinese instead.
        FormErrors = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => $"{FieldLabel(e.Key)}：“{e.Value!.AttemptedValue}”格式有误，请填写数字。").ToList();
        var extraction = Form.ToExtraction();
        Form = PlanExtractionForm.From(extraction); // deleted rows are gone: indexes match the preview again
        ModelState.Clear();
        Preview = await new PlanImporter(db).PreviewAsync(extraction, FullText!, SourceName ?? "upload.txt", ct);
    }

    private static readonly Dictionary<string, string> Lists = new() { ["Targets"] = "目标", ["Baselines"] = "基数", ["Allocations"] = "目标分解", ["Tasks"] = "任务" };
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Year"] = "年份", ["Value"] = "数值", ["ValueMax"] = "上限", ["PeriodStart"] = "起始年", ["PeriodEnd"] = "结束年",
    };

    /// <summary>"Form.Targets[2].Value" → "目标第3条 数值".</summary>
    public static string FieldLabel(string key)
    {
        var m = System.Text.RegularExpressions.Regex.Match(key, @"^Form\.(\w+)\[(\d+)\]\.(\w+)$");
        if (m.Success)
            return $"{Lists.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value)}第{int.Parse(m.Groups[2].Value) + 1}条 {Fields.GetValueOrDefault(m.Groups[3].Value, m.Groups[3].Value)}";
        var field = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
        return Fields.GetValueOrDefault(field, field);
    }

    /// <summary>Browsers submit form text with CRLF line breaks; the reader's text (and the saved plan) uses LF.</summary>
    private static string NormalizedText(string text) => text.Replace("\r\n", "\n");

    /// <summary>The importer's errors for one row, e.g. prefix "targets[3]".</summary>
    public IEnumerable<string> ErrorsFor(string prefix) =>
        Preview?.Errors.Where(e => e.Field == prefix || e.Field.StartsWith(prefix + ".", StringComparison.Ordinal)).Select(e => e.Message) ?? [];

    public IEnumerable<(string Id, SourceSpan Span)> Marks()
    {
        if (Preview is null) yield break;
        foreach (var (s, i) in Preview.TargetSources.Select((s, i) => (s, i))) if (s.Quote is { } q) yield return ($"src-target-{i}", q);
        foreach (var (s, i) in Preview.BaselineSources.Select((s, i) => (s, i))) if (s.Quote is { } q) yield return ($"src-baseline-{i}", q);
        foreach (var (s, i) in Preview.TaskSources.Select((s, i) => (s, i))) if (s.Quote is { } q) yield return ($"src-task-{i}", q);
    }
}
