using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Plans;

/// <summary>Upload of a targets / allocations / tasks table for one plan; a file with any bad row is rejected whole and every error listed.</summary>
public class ImportModel(AppDbContext db) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    [BindProperty] public PlanItemKind Kind { get; set; } = PlanItemKind.Targets;
    [BindProperty] public IFormFile? Upload { get; set; }
    public string? FileError { get; private set; }
    public string? FileName { get; private set; }
    public List<PlanItemImportError> Errors { get; private set; } = [];
    public PlanItemImportResult? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        if (Upload is null || Upload.Length == 0) { FileError = "请选择要上传的 CSV 或 XLSX 文件。"; return Page(); }
        FileName = Upload.FileName;
        TabularTable table;
        try
        {
            await using var stream = Upload.OpenReadStream();
            table = TabularFileReader.Read(stream, Upload.FileName);
        }
        catch (TabularFileException ex)
        {
            FileError = ex.Message;
            return Page();
        }
        var result = await new PlanItemImport(db).RunAsync(id, Kind, table, ct);
        if (result is null) return NotFound();
        if (result.Succeeded) Imported = result;
        else Errors = result.Errors;
        return Page();
    }
}
