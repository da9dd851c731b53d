using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;

namespace OpenGms.Web.Pages.Audit;

/// <summary>
/// <c>/audit</c>: administrators search the append-only audit log by patient, user and time. The page only reads: there
/// is no way to change the log through the application.
/// </summary>
internal sealed class IndexModel(IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Patient { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? To { get; set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public const int Limit = 500;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Patient ids are written without dashes (Guid "N"); accept either form.
        string? patient = string.IsNullOrWhiteSpace(Patient) ? null
            : Guid.TryParse(Patient.Trim(), out Guid id) ? id.ToString("N") : Patient.Trim();
        Records = await audit.SearchAsync(new AuditQuery(patient, string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(), From, To, Limit), cancellationToken).ConfigureAwait(false);
    }
}
