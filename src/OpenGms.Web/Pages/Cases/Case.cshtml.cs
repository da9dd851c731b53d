using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Application;
using OpenGms.Kernel;
using OpenGms.Web.Api;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Pages.Cases;

/// <summary>Case review: ranked variants with evidence, ACMG review, PGx results, report text, submit, authorise, correct.</summary>
internal sealed class CaseModel(CaseService cases, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseView? View { get; private set; }

    public string? Problem { get; private set; }

    public bool IsScientist => User.IsInRole(GmsRoles.GlhScientist);

    public bool IsAuthoriser => User.IsInRole(GmsRoles.GlhAuthoriser);

    /// <summary>GLH staff open only their own GLH's cases (every handler); the refusal is audited.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (GlhScope.IsScoped(User) && await cases.GetAsync(Id, HttpContext.RequestAborted).ConfigureAwait(false) is { IsSuccess: true } found
            && !string.Equals(GlhScope.GlhOf(User), found.Value.Case.GlhCode, StringComparison.OrdinalIgnoreCase))
        {
            await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, "case", found.Value.Case.PatientId, HttpContext.RequestAborted).ConfigureAwait(false);
            context.Result = Forbid();
            return;
        }

        await next().ConfigureAwait(false);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result<CaseView> found = await cases.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        View = found.Value;
        await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Read, "case", View.Case.PatientId, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.RetryAsync(Id, cancellationToken), GmsRoles.GlhScientist, cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(string variant, string? criterion, bool? met, string? strength, string? classOverride, bool reported, string? reason, CancellationToken cancellationToken)
    {
        IReadOnlyList<CriterionChange> changes = string.IsNullOrWhiteSpace(criterion) ? [] : [new CriterionChange(criterion.Trim(), met, string.IsNullOrWhiteSpace(strength) ? null : strength)];
        return ChangeAsync(() => cases.ReviewVariantAsync(Id, variant, new VariantReviewRequest(changes, classOverride, reported, reason), CaseEndpoints.ActorOf(User), cancellationToken), GmsRoles.GlhScientist, cancellationToken);
    }

    public Task<IActionResult> OnPostTextAsync(string? summary, string? conclusion, CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.WriteAsync(Id, summary, conclusion, cancellationToken), GmsRoles.GlhScientist, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(string? changeSummary, CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.SubmitAsync(Id, changeSummary, CaseEndpoints.ActorOf(User), cancellationToken), GmsRoles.GlhScientist, cancellationToken);

    public Task<IActionResult> OnPostAuthoriseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.AuthoriseAsync(Id, CaseEndpoints.ActorOf(User), cancellationToken), GmsRoles.GlhAuthoriser, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.ReturnAsync(Id, reason, CaseEndpoints.ActorOf(User), cancellationToken), GmsRoles.GlhAuthoriser, cancellationToken);

    public Task<IActionResult> OnPostCorrectAsync(string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(() => cases.StartCorrectionAsync(Id, reason, cancellationToken), GmsRoles.GlhScientist, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task<Result<CaseView>>> change, string role, CancellationToken cancellationToken)
    {
        // The folder policy admits scientists and authorisers; each change needs its own role (the API's policies).
        Result<CaseView> result = User.IsInRole(role)
            ? await change().ConfigureAwait(false)
            : new Error(ErrorKind.Forbidden, "CAS045", $"This change needs the {role} role.");
        if (!result.IsSuccess)
        {
            Problem = $"{result.Error.Code}: {result.Error.Message}";
            Result<CaseView> current = await cases.GetAsync(Id, cancellationToken).ConfigureAwait(false);
            if (!current.IsSuccess)
            {
                return NotFound();
            }

            View = current.Value;
            AuditAction action = result.Error.Kind == ErrorKind.Forbidden ? AuditAction.Denied : AuditAction.Read;
            await CaseEndpoints.AuditAsync(audit, HttpContext, action, "case", View.Case.PatientId, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, "case", result.Value.Case.PatientId, cancellationToken).ConfigureAwait(false);
        return Redirect($"/cases/{Id}");
    }
}
