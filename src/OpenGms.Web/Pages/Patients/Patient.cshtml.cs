using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;
using OpenGms.Kernel;
using OpenGms.Web.Api;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}</c>: the patient, their family, and the record of discussion (current decisions and every earlier
/// record). Clinicians record a new discussion here (a research withdrawal takes effect at once, everywhere) and link
/// relatives. Every view and change is audited.
/// </summary>
[PatientData("consent")]
internal sealed class PatientModel(ConsentService consent, IAuditLog audit, IAuthorizationService authorization) : PageModel
{
    public PatientView? Patient { get; private set; }

    public IReadOnlyList<PatientView> Family { get; private set; } = [];

    public ConsentStatus? Status { get; private set; }

    public IReadOnlyList<DiscussionRecord> History { get; private set; } = [];

    public bool MayRecord { get; private set; }

    public bool MayLink { get; private set; }

    public Error? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostDiscussionAsync(Guid id, ConsentDecision clinicalTesting, ConsentDecision research, string? notes, CancellationToken cancellationToken)
    {
        if (!await MayAsync(GmsPolicies.RecordConsent).ConfigureAwait(false))
        {
            await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, "consent", new PatientId(id), cancellationToken).ConfigureAwait(false);
            return Forbid();
        }

        string recordedBy = User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
        Result<ConsentStatus> recorded = await consent.RecordDiscussionAsync(new PatientId(id), clinicalTesting, research, recordedBy, notes, cancellationToken).ConfigureAwait(false);
        if (!recorded.IsSuccess)
        {
            Problem = recorded.Error;
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, "consent", new PatientId(id), cancellationToken).ConfigureAwait(false);
        return Redirect($"/patients/{id}");
    }

    public async Task<IActionResult> OnPostRelativeAsync(Guid id, string relativeNhsNumber, string relationship, CancellationToken cancellationToken)
    {
        if (!await MayAsync(GmsPolicies.WritePatients).ConfigureAwait(false))
        {
            await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, "family", new PatientId(id), cancellationToken).ConfigureAwait(false);
            return Forbid();
        }

        Result<PatientView> relative = await consent.FindAsync(relativeNhsNumber ?? string.Empty, cancellationToken).ConfigureAwait(false);
        Result<IReadOnlyList<PatientView>> linked = relative.IsSuccess
            ? await consent.LinkRelativeAsync(new PatientId(id), relative.Value.Id, relationship, cancellationToken).ConfigureAwait(false)
            : relative.Error!;
        if (!linked.IsSuccess)
        {
            Problem = linked.Error;
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, "family", new PatientId(id), cancellationToken).ConfigureAwait(false);
        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, "family", relative.Value.Id, cancellationToken).ConfigureAwait(false);
        return Redirect($"/patients/{id}");
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(id);
        Result<PatientView> patient = await consent.GetAsync(patientId, cancellationToken).ConfigureAwait(false);
        if (!patient.IsSuccess)
        {
            return NotFound();
        }

        Patient = patient.Value;
        Family = (await consent.FamilyOfAsync(patientId, cancellationToken).ConfigureAwait(false)).Value;
        Status = (await consent.StatusAsync(patientId, cancellationToken).ConfigureAwait(false)).Value;
        History = await consent.HistoryAsync(patientId, cancellationToken).ConfigureAwait(false);
        MayRecord = await MayAsync(GmsPolicies.RecordConsent).ConfigureAwait(false);
        MayLink = await MayAsync(GmsPolicies.WritePatients).ConfigureAwait(false);
        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Read, "consent", patientId, cancellationToken).ConfigureAwait(false);
        if (Problem is not null)
        {
            Response.StatusCode = Problem.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<bool> MayAsync(string policy) => (await authorization.AuthorizeAsync(User, policy).ConfigureAwait(false)).Succeeded;
}
