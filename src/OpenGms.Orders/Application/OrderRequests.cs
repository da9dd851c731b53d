using OpenGms.Consent.Contracts;
using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Eligibility;
using OpenGms.Orders.Domain.Lifecycle;

namespace OpenGms.Orders.Application;

/// <summary>Who is acting: the user name and the roles they hold that matter to orders.</summary>
/// <param name="UserName">User name.</param>
/// <param name="Roles">Roles held.</param>
public sealed record OrderActor(string UserName, IReadOnlyCollection<OrderRole> Roles);

/// <summary>A request to place an order.</summary>
public sealed record PlaceOrderRequest
{
    /// <summary>The patient's NHS number.</summary>
    public string NhsNumber { get; init; } = string.Empty;

    /// <summary>Demographics, used to register the patient when the NHS number is new.</summary>
    public PatientDetails? NewPatient { get; init; }

    /// <summary>Test code, e.g. R134.1.</summary>
    public string TestCode { get; init; } = string.Empty;

    /// <summary>Directory edition (key or version); null takes the current edition.</summary>
    public string? Edition { get; init; }

    /// <summary>ODS code of the requesting organisation.</summary>
    public string OrganisationOds { get; init; } = string.Empty;

    /// <summary>Requesting clinician's name as shown; defaults to the user name.</summary>
    public string? RequesterName { get; init; }

    /// <summary>HPO ids.</summary>
    public IReadOnlyList<string>? HpoTerms { get; init; }

    /// <summary>Free-text clinical information.</summary>
    public string? ClinicalNotes { get; init; }

    /// <summary>Relatives to test.</summary>
    public IReadOnlyList<RelativeToTest>? Relatives { get; init; }

    /// <summary>Urgency.</summary>
    public Urgency Urgency { get; init; }

    /// <summary>Structured answers for the indication's eligibility rule.</summary>
    public EligibilityAnswers? Eligibility { get; init; }

    /// <summary>Why an ineligible order should be done anyway.</summary>
    public string? Justification { get; init; }

    /// <summary>Samples sent with the order.</summary>
    public IReadOnlyList<NewSample>? Samples { get; init; }

    /// <summary><c>web</c>, <c>api</c> or <c>fhir</c>.</summary>
    public string Source { get; init; } = "api";

    /// <summary>The sender's id for the request.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>A sample to attach.</summary>
/// <param name="SpecimenId">Specimen id.</param>
/// <param name="TypeCode">SNOMED CT code of the type.</param>
/// <param name="TypeDisplay">Type as shown.</param>
/// <param name="CollectedAt">Collected.</param>
/// <param name="Received">True when the laboratory books it in now.</param>
public sealed record NewSample(string SpecimenId, string TypeCode, string TypeDisplay, DateTimeOffset? CollectedAt = null, bool Received = false);

/// <summary>A request to move an order.</summary>
/// <param name="To">The status to enter.</param>
/// <param name="BusinessStatus">A business-status-genomics code to record with it.</param>
/// <param name="Reason">Free text.</param>
public sealed record TransitionRequest(OrderStatus To, string? BusinessStatus, string? Reason);
