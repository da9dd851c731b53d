using OpenGms.Orders.Domain.Lifecycle;

namespace OpenGms.Orders.Domain;

/// <summary>How soon the result is needed (FHIR ServiceRequest.priority: routine, urgent, asap).</summary>
public enum Urgency
{
    /// <summary>Routine.</summary>
    Routine,

    /// <summary>Urgent (e.g. pregnancy, treatment decision).</summary>
    Urgent,

    /// <summary>Rapid (e.g. an acutely unwell child).</summary>
    Rapid,
}

/// <summary>A panel resolved and pinned when the order was placed: later panel versions do not change the order.</summary>
/// <param name="PanelId">PanelApp panel id.</param>
/// <param name="Name">Panel name.</param>
/// <param name="Version">The version pinned.</param>
/// <param name="GreenGenes">Number of green genes at that version.</param>
public sealed record PinnedPanel(int PanelId, string Name, string Version, int GreenGenes);

/// <summary>A relative named on the order for testing (e.g. the parents of a trio).</summary>
/// <param name="Relationship">Relationship to the proband, e.g. <c>mother</c>.</param>
/// <param name="NhsNumber">The relative's NHS number, when known.</param>
public sealed record RelativeToTest(string Relationship, string? NhsNumber);

/// <summary>One criterion of the eligibility check as stored on the order.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Met">True, false, or null when the information was not given.</param>
/// <param name="Detail">Why.</param>
public sealed record StoredCriterion(string Criterion, bool? Met, string Detail);

/// <summary>A request for a genomic test from the National Genomic Test Directory, for one patient.</summary>
public sealed class Order
{
    // For EF Core materialisation.
    private Order()
    {
        TestCode = IndicationCode = TestName = EditionKey = EditionVersion = string.Empty;
        RequestedBy = RequesterName = OrganisationOds = GlhCode = RoutingReason = Source = string.Empty;
    }

    /// <summary>Creates a requested order. Validation happens in the placing use case; these are invariants.</summary>
    public Order(Guid id, Guid patientId, OrderTest test, OrderRequester requester, OrderClinicalInfo clinical, OrderEligibility eligibility, string glhCode, string routingReason, string source, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(clinical);
        ArgumentNullException.ThrowIfNull(eligibility);
        ArgumentException.ThrowIfNullOrWhiteSpace(glhCode);
        if (eligibility.Eligible == false && string.IsNullOrWhiteSpace(eligibility.Justification))
        {
            throw new InvalidOperationException("An ineligible order needs a recorded justification.");
        }

        Id = id;
        PatientId = patientId;
        TestCode = test.TestCode;
        IndicationCode = test.IndicationCode;
        TestName = test.TestName;
        EditionKey = test.EditionKey;
        EditionVersion = test.EditionVersion;
        Panels = test.Panels.ToList();
        RequestedBy = requester.UserName;
        RequesterName = requester.DisplayName;
        OrganisationOds = requester.OrganisationOds;
        HpoTerms = clinical.HpoTerms.ToList();
        ClinicalNotes = clinical.Notes;
        Relatives = clinical.Relatives.ToList();
        Urgency = clinical.Urgency;
        Eligible = eligibility.Eligible;
        EligibilitySummary = eligibility.Summary;
        EligibilityCriteria = eligibility.Criteria.ToList();
        Justification = string.IsNullOrWhiteSpace(eligibility.Justification) ? null : eligibility.Justification.Trim();
        GlhCode = glhCode;
        RoutingReason = routingReason;
        Source = source;
        ExternalId = null;
        Status = OrderStatus.Requested;
        CreatedAt = at;
        UpdatedAt = at;
    }

    /// <summary>The id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The patient (Consent module's id).</summary>
    public Guid PatientId { get; private set; }

    /// <summary>Test code, e.g. R134.1.</summary>
    public string TestCode { get; private set; }

    /// <summary>Indication code, e.g. R134.</summary>
    public string IndicationCode { get; private set; }

    /// <summary>Test name at ordering.</summary>
    public string TestName { get; private set; }

    /// <summary>Directory edition key, e.g. rd-5.1.</summary>
    public string EditionKey { get; private set; }

    /// <summary>Directory edition version, e.g. 5.1.</summary>
    public string EditionVersion { get; private set; }

    /// <summary>Panels pinned at ordering.</summary>
    public List<PinnedPanel> Panels { get; private set; } = [];

    /// <summary>User name of the requesting clinician.</summary>
    public string RequestedBy { get; private set; }

    /// <summary>The requesting clinician's name as shown.</summary>
    public string RequesterName { get; private set; }

    /// <summary>ODS code of the requesting organisation.</summary>
    public string OrganisationOds { get; private set; }

    /// <summary>HPO term ids, e.g. HP:0001250.</summary>
    public List<string> HpoTerms { get; private set; } = [];

    /// <summary>Free-text clinical information.</summary>
    public string? ClinicalNotes { get; private set; }

    /// <summary>Relatives to test.</summary>
    public List<RelativeToTest> Relatives { get; private set; } = [];

    /// <summary>Urgency.</summary>
    public Urgency Urgency { get; private set; }

    /// <summary>True/false from a structured eligibility check; null when the indication has no structured rule.</summary>
    public bool? Eligible { get; private set; }

    /// <summary>The eligibility check's summary.</summary>
    public string? EligibilitySummary { get; private set; }

    /// <summary>The criteria and their outcomes.</summary>
    public List<StoredCriterion> EligibilityCriteria { get; private set; } = [];

    /// <summary>Why an ineligible order was sent anyway.</summary>
    public string? Justification { get; private set; }

    /// <summary>The GLH the order was routed to.</summary>
    public string GlhCode { get; private set; }

    /// <summary>Why it went there.</summary>
    public string RoutingReason { get; private set; }

    /// <summary><c>web</c>, <c>api</c> or <c>fhir</c>.</summary>
    public string Source { get; private set; }

    /// <summary>The sender's id for the request (FHIR ServiceRequest id), when it came from outside.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The current status.</summary>
    public OrderStatus Status { get; private set; }

    /// <summary>For an order on hold: the status it left (and will resume to).</summary>
    public OrderStatus? HeldFrom { get; private set; }

    /// <summary>The latest business status code given with a transition (business-status-genomics).</summary>
    public string? BusinessStatus { get; private set; }

    /// <summary>When placed.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Revision { get; private set; }

    /// <summary>Samples.</summary>
    public List<Sample> Samples { get; private set; } = [];

    /// <summary>Records the sender's id.</summary>
    public void SetExternalId(string? externalId) => ExternalId = externalId;

    /// <summary>Moves the order; the caller has checked the transition and the role.</summary>
    public StatusChange MoveTo(OrderStatus to, string actor, OrderRole role, string? businessStatus, string? reason, DateTimeOffset at)
    {
        OrderStatus from = Status;
        HeldFrom = to == OrderStatus.OnHold ? from : null;
        Status = to;
        BusinessStatus = businessStatus ?? TaskMapping.For(to, HeldFrom).BusinessStatus;
        UpdatedAt = at;
        Revision++;
        return new StatusChange(Id, from, to, actor, role, BusinessStatus, reason, at);
    }

    /// <summary>Adds a sample; false when the specimen id is already on this order.</summary>
    public bool AddSample(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (Samples.Any(s => string.Equals(s.SpecimenId, sample.SpecimenId, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        Samples.Add(sample);
        Revision++;
        return true;
    }
}

/// <summary>The directory test an order asks for, with its panels pinned.</summary>
/// <param name="TestCode">R134.1.</param>
/// <param name="IndicationCode">R134.</param>
/// <param name="TestName">Name.</param>
/// <param name="EditionKey">Edition key.</param>
/// <param name="EditionVersion">Edition version.</param>
/// <param name="Panels">Pinned panels.</param>
public sealed record OrderTest(string TestCode, string IndicationCode, string TestName, string EditionKey, string EditionVersion, IReadOnlyList<PinnedPanel> Panels);

/// <summary>Who asked.</summary>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Name as shown.</param>
/// <param name="OrganisationOds">ODS code of the organisation.</param>
public sealed record OrderRequester(string UserName, string DisplayName, string OrganisationOds);

/// <summary>Clinical information on the order.</summary>
/// <param name="HpoTerms">HPO ids.</param>
/// <param name="Notes">Free text.</param>
/// <param name="Relatives">Relatives to test.</param>
/// <param name="Urgency">Urgency.</param>
public sealed record OrderClinicalInfo(IReadOnlyList<string> HpoTerms, string? Notes, IReadOnlyList<RelativeToTest> Relatives, Urgency Urgency);

/// <summary>The eligibility outcome recorded on the order.</summary>
/// <param name="Eligible">Outcome, null when no structured rule exists.</param>
/// <param name="Summary">Summary.</param>
/// <param name="Criteria">Criteria.</param>
/// <param name="Justification">Why an ineligible order is sent.</param>
public sealed record OrderEligibility(bool? Eligible, string? Summary, IReadOnlyList<StoredCriterion> Criteria, string? Justification);

/// <summary>A specimen for an order.</summary>
public sealed class Sample
{
    // For EF Core materialisation.
    private Sample()
    {
        SpecimenId = TypeCode = TypeDisplay = string.Empty;
    }

    /// <summary>Creates a sample.</summary>
    public Sample(Guid id, Guid orderId, string specimenId, string typeCode, string typeDisplay, DateTimeOffset? collectedAt, DateTimeOffset? receivedAt, string? receivedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specimenId);
        Id = id;
        OrderId = orderId;
        SpecimenId = specimenId.Trim();
        TypeCode = typeCode;
        TypeDisplay = typeDisplay;
        CollectedAt = collectedAt;
        ReceivedAt = receivedAt;
        ReceivedBy = receivedBy;
    }

    /// <summary>The id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; private set; }

    /// <summary>The laboratory's specimen id.</summary>
    public string SpecimenId { get; private set; }

    /// <summary>Specimen type, SNOMED CT code (e.g. 445295009 blood specimen with EDTA).</summary>
    public string TypeCode { get; private set; }

    /// <summary>Specimen type as shown.</summary>
    public string TypeDisplay { get; private set; }

    /// <summary>When collected, if known.</summary>
    public DateTimeOffset? CollectedAt { get; private set; }

    /// <summary>When booked into the laboratory; null while in transit.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>Who booked it in.</summary>
    public string? ReceivedBy { get; private set; }

    /// <summary>Books the sample in.</summary>
    public void MarkReceived(string by, DateTimeOffset at)
    {
        ReceivedAt ??= at;
        ReceivedBy ??= by;
    }
}

/// <summary>One line of an order's status history (append-only).</summary>
public sealed class StatusChange
{
    // For EF Core materialisation.
    private StatusChange()
    {
        Actor = string.Empty;
    }

    /// <summary>Creates a history line.</summary>
    public StatusChange(Guid orderId, OrderStatus from, OrderStatus to, string actor, OrderRole role, string? businessStatus, string? reason, DateTimeOffset at)
    {
        OrderId = orderId;
        From = from;
        To = to;
        Actor = actor;
        Role = role;
        BusinessStatus = businessStatus;
        Reason = reason;
        At = at;
    }

    /// <summary>Store-assigned sequence (the order of history lines).</summary>
    public long Sequence { get; private set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; private set; }

    /// <summary>Status left.</summary>
    public OrderStatus From { get; private set; }

    /// <summary>Status entered.</summary>
    public OrderStatus To { get; private set; }

    /// <summary>Who.</summary>
    public string Actor { get; private set; }

    /// <summary>In which role.</summary>
    public OrderRole Role { get; private set; }

    /// <summary>Business status code given, if any.</summary>
    public string? BusinessStatus { get; private set; }

    /// <summary>Free-text reason.</summary>
    public string? Reason { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
