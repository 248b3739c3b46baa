using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>Create (no credit code in the route) or edit a real enterprise by hand, with the import's validation; audited on save.</summary>
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public EnterpriseInput Input { get; set; } = new();
    public string? ExistingCreditCode { get; private set; }
    public string? FormError { get; private set; }
    public bool IsNew => ExistingCreditCode is null;

    public async Task<IActionResult> OnGetAsync(string? creditCode, CancellationToken ct)
    {
        if (creditCode is null) return Page();
        var enterprise = await db.Enterprises.AsNoTracking().Include(e => e.RegisteredRegion).FirstOrDefaultAsync(e => e.CreditCode == creditCode.ToUpperInvariant(), ct);
        if (enterprise is null) return NotFound();
        ExistingCreditCode = enterprise.CreditCode;
        if (enterprise.IsSynthetic) FormError = "示例数据（合成）企业不能手工修改";
        Input = EnterpriseEditor.InputFrom(enterprise, enterprise.RegisteredRegion!.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? creditCode, CancellationToken ct)
    {
        ExistingCreditCode = creditCode;
        var outcome = await new EnterpriseEditor(db).SaveAsync(Input, creditCode, ct);
        if (outcome.Succeeded) return Redirect($"/Enterprises/Details/{outcome.Enterprise!.CreditCode}");
        foreach (var (field, message) in outcome.Errors)
        {
            if (field.Length == 0) FormError = message;
            else ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        return Page();
    }
}
