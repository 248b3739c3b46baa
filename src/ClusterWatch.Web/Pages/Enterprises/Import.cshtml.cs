using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>Upload a CSV/XLSX of enterprises and figures; a file with any bad row is rejected whole and every error is listed.</summary>
[RequestSizeLimit(TabularFileReader.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TabularFileReader.MaxBytes + 1024 * 1024)]
public class ImportModel(AppDbContext db) : PageModel
{
    public EnterpriseImportResult? Result { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Result = EnterpriseImportResult.Rejected(0, [new ImportError(0, "", "", "请选择要导入的 CSV 或 Excel（.xlsx）文件")]);
            return Page();
        }
        FileName = file.FileName;
        await using var stream = file.OpenReadStream();
        Result = await new EnterpriseImporter(db).ImportAsync(stream, file.FileName, ct);
        return Page();
    }
}
