using System.Globalization;
using Microsoft.AspNetCore.Authorization;
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
/// <c>/patients</c>: find a patient by NHS number, or register one. Finding is audited as a search of that patient;
/// registering needs the patients.write policy, checked here as well as on the API.
/// </summary>
[PatientData("patient")]
internal sealed class IndexModel(ConsentService consent, IAuditLog audit, IAuthorizationService authorization) : PageModel
{
    /// <summary>The registration form.</summary>
    public sealed class RegisterForm
    {
        public string NhsNumber { get; set; } = string.Empty;

        public string GivenName { get; set; } = string.Empty;

        public string FamilyName { get; set; } = string.Empty;

        public string DateOfBirth { get; set; } = string.Empty;

        public string Sex { get; set; } = "unknown";
    }

    /// <summary>The NHS number searched for.</summary>
    [BindProperty(SupportsGet = true, Name = "nhs")]
    public string? Nhs { get; set; }

    [BindProperty]
    public RegisterForm Form { get; set; } = new();

    /// <summary>Why the search or registration failed, with its code.</summary>
    public Error? Problem { get; private set; }

    /// <summary>True when the user may register patients.</summary>
    public bool MayRegister { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        MayRegister = await MayAsync(GmsPolicies.WritePatients).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(Nhs))
        {
            return Page();
        }

        Result<PatientView> found = await consent.FindAsync(Nhs, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            Problem = found.Error;
            Form.NhsNumber = Nhs;
            return Page();
        }

        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Search, "patient", found.Value.Id, cancellationToken).ConfigureAwait(false);
        return Redirect($"/patients/{found.Value.Id.Value}");
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        MayRegister = await MayAsync(GmsPolicies.WritePatients).ConfigureAwait(false);
        if (!MayRegister)
        {
            return Forbid();
        }

        if (!DateOnly.TryParseExact(Form.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly born))
        {
            Problem = Error.BadInput("PAT010", "Date of birth is required (YYYY-MM-DD).");
            return Page();
        }

        if (!Enum.TryParse(Form.Sex, ignoreCase: true, out AdministrativeSex sex))
        {
            Problem = Error.BadInput("PAT011", $"'{Form.Sex}' is not a sex (female, male, other, unknown).");
            return Page();
        }

        Result<PatientView> registered = await consent.RegisterAsync(new NewPatient(Form.NhsNumber, Form.GivenName, Form.FamilyName, born, sex), cancellationToken).ConfigureAwait(false);
        if (!registered.IsSuccess)
        {
            Problem = registered.Error;
            return Page();
        }

        await PatientEndpoints.AuditAsync(audit, HttpContext, AuditAction.Create, "patient", registered.Value.Id, cancellationToken).ConfigureAwait(false);
        return Redirect($"/patients/{registered.Value.Id.Value}");
    }

    private async Task<bool> MayAsync(string policy) => (await authorization.AuthorizeAsync(User, policy).ConfigureAwait(false)).Succeeded;
}
