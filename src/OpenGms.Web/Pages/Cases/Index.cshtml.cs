using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Application;
using OpenGms.Cases.Domain;
using OpenGms.Web.Api;

namespace OpenGms.Web.Pages.Cases;

/// <summary>The GLH case worklist, grouped by status (awaiting analysis, ready for review, awaiting authorisation, authorised).</summary>
internal sealed class IndexModel(CaseService cases, IAuditLog audit) : PageModel
{
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<CaseStatus>().Select(CaseNames.Of).ToList();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<IGrouping<string, CaseSummaryView>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyCollection<CaseStatus>? statuses = CaseNames.TryParseStatus(Status, out CaseStatus s) ? [s] : null;
        // GLH staff see their own GLH's cases; an account with no GLH sees none (administrators see every GLH).
        Kernel.Result<string?> glh = OrderEndpoints.WorklistGlh(User, null);
        IReadOnlyList<CaseSummaryView> list = glh.IsSuccess ? await cases.ListAsync(statuses, glh.Value, null, 300, cancellationToken).ConfigureAwait(false) : [];
        Groups = list.GroupBy(c => c.Status).OrderBy(g => Statuses.ToList().IndexOf(g.Key)).ToList();
        foreach (Guid patient in list.Select(c => c.PatientId).Distinct())
        {
            await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Search, "case", patient, cancellationToken).ConfigureAwait(false);
        }
    }
}
