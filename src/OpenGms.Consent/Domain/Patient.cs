using OpenGms.Consent.Contracts;

namespace OpenGms.Consent.Domain;

/// <summary>Administrative sex, with FHIR's AdministrativeGender codes.</summary>
public enum AdministrativeSex
{
    /// <summary>Unknown.</summary>
    Unknown,

    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Other.</summary>
    Other,
}

/// <summary>A person the service tests (a proband or a relative).</summary>
public sealed class Patient
{
    // For EF Core materialisation.
    private Patient()
    {
        NhsNumber = string.Empty;
        GivenName = string.Empty;
        FamilyName = string.Empty;
    }

    /// <summary>Creates a patient; the NHS number is already validated by its value type.</summary>
    public Patient(PatientId id, NhsNumber nhsNumber, string givenName, string familyName, DateOnly dateOfBirth, AdministrativeSex sex, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenName);
        ArgumentException.ThrowIfNullOrWhiteSpace(familyName);
        Id = id.Value;
        NhsNumber = nhsNumber.Digits;
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        DateOfBirth = dateOfBirth;
        Sex = sex;
        CreatedAt = createdAt;
    }

    /// <summary>The id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The ten digits of the NHS number (unique).</summary>
    public string NhsNumber { get; private set; }

    /// <summary>Given name.</summary>
    public string GivenName { get; private set; }

    /// <summary>Family name.</summary>
    public string FamilyName { get; private set; }

    /// <summary>Date of birth.</summary>
    public DateOnly DateOfBirth { get; private set; }

    /// <summary>Administrative sex.</summary>
    public AdministrativeSex Sex { get; private set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The family this patient belongs to, when linked.</summary>
    public Guid? FamilyId { get; private set; }

    /// <summary>The relationship to the family's proband (e.g. <c>mother</c>); <c>proband</c> for the proband.</summary>
    public string? RelationshipToProband { get; private set; }

    /// <summary>Places the patient in a family.</summary>
    public void JoinFamily(Guid familyId, string relationshipToProband)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relationshipToProband);
        FamilyId = familyId;
        RelationshipToProband = relationshipToProband;
    }
}

/// <summary>
/// One record of discussion: what the patient decided about clinical testing and about research, who recorded it and
/// when. Records are never changed: a later decision is a new record, and the latest one is the patient's position.
/// </summary>
public sealed class DiscussionRecord
{
    // For EF Core materialisation.
    private DiscussionRecord()
    {
        RecordedBy = string.Empty;
    }

    /// <summary>Creates a record.</summary>
    public DiscussionRecord(Guid id, PatientId patient, ConsentDecision clinicalTesting, ConsentDecision research, string recordedBy, DateTimeOffset recordedAt, string? notes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        Id = id;
        PatientId = patient.Value;
        ClinicalTesting = clinicalTesting;
        Research = research;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        Notes = notes;
    }

    /// <summary>The id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The patient.</summary>
    public Guid PatientId { get; private set; }

    /// <summary>Decision on clinical testing.</summary>
    public ConsentDecision ClinicalTesting { get; private set; }

    /// <summary>Decision on research participation.</summary>
    public ConsentDecision Research { get; private set; }

    /// <summary>Who recorded it (user name).</summary>
    public string RecordedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Free text.</summary>
    public string? Notes { get; private set; }

    /// <summary>
    /// A monotonically increasing sequence number assigned by the store: the latest record is the one with the highest
    /// sequence, which does not depend on clock resolution.
    /// </summary>
    public long Sequence { get; private set; }
}
