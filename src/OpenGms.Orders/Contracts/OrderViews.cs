namespace OpenGms.Orders.Contracts;

/// <summary>A pinned panel.</summary>
/// <param name="PanelId">PanelApp id.</param>
/// <param name="Name">Name.</param>
/// <param name="Version">Version pinned at ordering; null when the panel was not in the catalogue then.</param>
/// <param name="GreenGenes">Green genes at that version.</param>
public sealed record PinnedPanelView(int PanelId, string Name, string? Version, int GreenGenes);

/// <summary>One eligibility criterion and its outcome.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Met">True, false, or null when the information was not given.</param>
/// <param name="Detail">Why.</param>
public sealed record CriterionView(string Criterion, bool? Met, string Detail);

/// <summary>The eligibility check of an order.</summary>
/// <param name="Indication">Indication code.</param>
/// <param name="Structured">True when a structured rule exists for the indication.</param>
/// <param name="Eligible">Outcome (null without a structured rule).</param>
/// <param name="Summary">One sentence.</param>
/// <param name="Criteria">The criteria.</param>
/// <param name="Justification">Why an ineligible order was sent anyway.</param>
public sealed record EligibilityView(string Indication, bool Structured, bool? Eligible, string Summary, IReadOnlyList<CriterionView> Criteria, string? Justification);

/// <summary>Where an order goes and why.</summary>
/// <param name="Routed">True when a GLH was found.</param>
/// <param name="GlhCode">The GLH's code.</param>
/// <param name="GlhName">Its name.</param>
/// <param name="ReferringGlhCode">The GLH of the referring organisation.</param>
/// <param name="Reason">Why.</param>
/// <param name="ErrorCode">Why not, as a code.</param>
public sealed record RoutingView(bool Routed, string? GlhCode, string? GlhName, string? ReferringGlhCode, string Reason, string? ErrorCode);

/// <summary>A sample.</summary>
/// <param name="SpecimenId">Specimen id.</param>
/// <param name="TypeCode">SNOMED CT code of the specimen type.</param>
/// <param name="TypeDisplay">The type as shown.</param>
/// <param name="CollectedAt">Collected.</param>
/// <param name="ReceivedAt">Booked in (null while in transit).</param>
/// <param name="ReceivedBy">Who booked it in.</param>
public sealed record SampleView(string SpecimenId, string TypeCode, string TypeDisplay, DateTimeOffset? CollectedAt, DateTimeOffset? ReceivedAt, string? ReceivedBy);

/// <summary>One status change.</summary>
/// <param name="From">Status left.</param>
/// <param name="To">Status entered.</param>
/// <param name="Actor">Who.</param>
/// <param name="Role">As which role.</param>
/// <param name="BusinessStatus">FHIR business status code given.</param>
/// <param name="Reason">Reason.</param>
/// <param name="At">When.</param>
public sealed record StatusChangeView(string From, string To, string Actor, string Role, string? BusinessStatus, string? Reason, DateTimeOffset At);

/// <summary>The FHIR Task view of the status.</summary>
/// <param name="Status">Task.status.</param>
/// <param name="Code">Task.code (task-code-genomics).</param>
/// <param name="BusinessStatus">Task.businessStatus (business-status-genomics), when one applies.</param>
public sealed record TaskStateView(string Status, string Code, string? BusinessStatus);

/// <summary>An order as the service shows it.</summary>
/// <param name="Id">Order id.</param>
/// <param name="PatientId">Patient id (Consent).</param>
/// <param name="NhsNumber">The patient's NHS number (ten digits).</param>
/// <param name="PatientName">The patient's name.</param>
/// <param name="TestCode">R134.1.</param>
/// <param name="IndicationCode">R134.</param>
/// <param name="TestName">Name.</param>
/// <param name="Edition">Directory edition key.</param>
/// <param name="EditionVersion">Edition version.</param>
/// <param name="Panels">Pinned panels.</param>
/// <param name="RequestedBy">User name of the requester.</param>
/// <param name="RequesterName">Requester as shown.</param>
/// <param name="OrganisationOds">Requesting organisation ODS code.</param>
/// <param name="HpoTerms">HPO ids.</param>
/// <param name="ClinicalNotes">Free text.</param>
/// <param name="Relatives">Relatives to test: relationship and NHS number.</param>
/// <param name="Urgency">routine, urgent or rapid.</param>
/// <param name="Eligibility">Eligibility.</param>
/// <param name="GlhCode">The GLH.</param>
/// <param name="RoutingReason">Why there.</param>
/// <param name="Status">Status name.</param>
/// <param name="HeldFrom">For an order on hold, the status it left.</param>
/// <param name="Task">The FHIR Task state.</param>
/// <param name="Source">web, api or fhir.</param>
/// <param name="ExternalId">The sender's id.</param>
/// <param name="CreatedAt">Placed.</param>
/// <param name="UpdatedAt">Last changed.</param>
/// <param name="Samples">Samples.</param>
/// <param name="History">Status history, oldest first (empty in lists).</param>
public sealed record OrderView(
    Guid Id, Guid PatientId, string NhsNumber, string PatientName, string TestCode, string IndicationCode, string TestName,
    string Edition, string EditionVersion, IReadOnlyList<PinnedPanelView> Panels, string RequestedBy, string RequesterName,
    string OrganisationOds, IReadOnlyList<string> HpoTerms, string? ClinicalNotes, IReadOnlyList<RelativeView> Relatives,
    string Urgency, EligibilityView Eligibility, string GlhCode, string RoutingReason, string Status, string? HeldFrom,
    TaskStateView Task, string Source, string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<SampleView> Samples, IReadOnlyList<StatusChangeView> History);

/// <summary>A relative to test.</summary>
/// <param name="Relationship">Relationship to the proband.</param>
/// <param name="NhsNumber">NHS number, when known.</param>
public sealed record RelativeView(string Relationship, string? NhsNumber);

/// <summary>Turnaround of one GLH for one test: from request to report sent.</summary>
/// <param name="GlhCode">GLH.</param>
/// <param name="TestCode">Test.</param>
/// <param name="Completed">Orders sent.</param>
/// <param name="Open">Orders not yet finished.</param>
/// <param name="MedianDays">Median days from request to sent, over completed orders.</param>
/// <param name="MeanDays">Mean days.</param>
/// <param name="MaxDays">Longest.</param>
public sealed record TurnaroundView(string GlhCode, string TestCode, int Completed, int Open, double? MedianDays, double? MeanDays, double? MaxDays);
