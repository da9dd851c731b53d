using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Application;
using OpenGms.Cases.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Web.Api;

namespace OpenGms.Web.Pages.Reports;

/// <summary>A report version to read and print (a requesting clinician sees only authorised reports of their own orders).</summary>
internal sealed class ReportModel(CaseService cases, IOrderWorkflow orders, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ReportId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public AuthorisedReportView? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result<AuthorisedReportView> found = await cases.GetReportAsync(ReportId, Version, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        if (!await CaseEndpoints.MayReadAsync(User, found.Value, orders, cancellationToken).ConfigureAwait(false))
        {
            await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, "report", found.Value.PatientId, cancellationToken).ConfigureAwait(false);
            return Forbid();
        }

        Report = found.Value;
        await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Read, "report", Report.PatientId, cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
