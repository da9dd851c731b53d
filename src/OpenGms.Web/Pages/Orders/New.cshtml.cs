using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Consent.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Eligibility;
using OpenGms.Web.Api;

namespace OpenGms.Web.Pages.Orders;

/// <summary>The order form: patient, test, clinical information, structured eligibility; live checks via /api/orders/preview.</summary>
internal sealed class NewModel(OrderService orders, IAuditLog audit) : PageModel
{
    [BindProperty]
    public OrderForm Form { get; set; } = new();

    public string? Problem { get; private set; }

    public string? ProblemCode { get; private set; }

    public void OnGet(string? test)
    {
        Form.TestCode = test ?? Form.TestCode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PlaceOrderRequest request = Form.ToRequest();
        Result<OrderView> placed = await orders.PlaceAsync(request, OrderEndpoints.ActorOf(User), cancellationToken).ConfigureAwait(false);
        if (!placed.IsSuccess)
        {
            Problem = placed.Error.Message;
            ProblemCode = placed.Error.Code;
            return Page();
        }

        await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Create, placed.Value.PatientId, cancellationToken).ConfigureAwait(false);
        return Redirect($"/orders/{placed.Value.Id}");
    }
}

/// <summary>The fields of the order form.</summary>
internal sealed class OrderForm
{
    public string NhsNumber { get; set; } = string.Empty;

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string Sex { get; set; } = "unknown";

    public string TestCode { get; set; } = string.Empty;

    public string OrganisationOds { get; set; } = string.Empty;

    public string? RequesterName { get; set; }

    public string? HpoTerms { get; set; }

    public string? ClinicalNotes { get; set; }

    public string? Relatives { get; set; }

    public Urgency Urgency { get; set; }

    public string? Justification { get; set; }

    public decimal? LdlCholesterol { get; set; }

    public decimal? TotalCholesterol { get; set; }

    public bool? TendonXanthomata { get; set; }

    public bool? FamilyHistoryEarlyMyocardialInfarction { get; set; }

    public bool? FirstDegreeRelativePrematureVascularDisease { get; set; }

    public int? BreastCancerAge { get; set; }

    public int? TripleNegativeBreastCancerAge { get; set; }

    public bool? NonMucinousEpithelialOvarianCancer { get; set; }

    public int? ManchesterScore { get; set; }

    public decimal? CanRiskProbabilityPercent { get; set; }

    public PlaceOrderRequest ToRequest() => new()
    {
        NhsNumber = NhsNumber,
        NewPatient = string.IsNullOrWhiteSpace(GivenName) || string.IsNullOrWhiteSpace(FamilyName) || DateOfBirth is null
            ? null
            : new PatientDetails(NhsNumber, GivenName, FamilyName, DateOfBirth.Value, Sex),
        TestCode = TestCode,
        OrganisationOds = OrganisationOds,
        RequesterName = RequesterName,
        HpoTerms = (HpoTerms ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ClinicalNotes = ClinicalNotes,
        Relatives = (Relatives ?? string.Empty).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(p => new RelativeToTest(p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null)).ToList(),
        Urgency = Urgency,
        Justification = Justification,
        Source = "web",
        Eligibility = new EligibilityAnswers
        {
            Fh = new FhAssessment
            {
                LdlCholesterolMmolPerL = LdlCholesterol,
                TotalCholesterolMmolPerL = TotalCholesterol,
                TendonXanthomata = TendonXanthomata,
                FamilyHistoryEarlyMyocardialInfarction = FamilyHistoryEarlyMyocardialInfarction,
                FirstDegreeRelativePrematureVascularDisease = FirstDegreeRelativePrematureVascularDisease,
            },
            BreastOvarian = new BreastOvarianAssessment
            {
                BreastCancerAge = BreastCancerAge,
                TripleNegativeBreastCancerAge = TripleNegativeBreastCancerAge,
                NonMucinousEpithelialOvarianCancer = NonMucinousEpithelialOvarianCancer,
                ManchesterScore = ManchesterScore,
                CanRiskProbabilityPercent = CanRiskProbabilityPercent,
            },
        },
    };
}
