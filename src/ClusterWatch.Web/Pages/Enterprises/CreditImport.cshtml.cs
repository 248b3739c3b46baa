using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Core.Enterprises.Import;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>Upload a CSV/XLSX of credit records; a file with any bad row is rejected whole, otherwise the touched enterprises are rescored.</summary>
[Authorize(Policy = Policies.Admin)]
[RequestSizeLimit(TabularFileReader.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TabularFileReader.MaxBytes + 1024 * 1024)]
public class CreditImportModel(AppDbContext db, CreditScoringService scoring, TimeProvider time, IAuditUser user) : PageModel
{
    public CreditImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public CreditScheme Scheme => scoring.Model.Scheme;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Result = CreditImportResult.Rejected(0, [new ImportError(0, "", "", "请选择要导入的 CSV 或 Excel（.xlsx）文件")]);
            return Page();
        }
        FileName = file.FileName;
        await using var stream = file.OpenReadStream();
        Result = await new CreditImporter(db, scoring, time).ImportAsync(stream, file.FileName, user.Name, ct);
        return Page();
    }
}
