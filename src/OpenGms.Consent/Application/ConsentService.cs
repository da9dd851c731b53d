using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;
using OpenGms.Kernel;

namespace OpenGms.Consent.Application;

/// <summary>What a patient is, as the service shows it.</summary>
public sealed record PatientView(PatientId Id, string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, AdministrativeSex Sex, Guid? FamilyId, string? RelationshipToProband)
{
    internal static PatientView From(Patient p) =>
        new(new PatientId(p.Id), new NhsNumberText(p.NhsNumber).ToString(), p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.FamilyId, p.RelationshipToProband);

    private readonly record struct NhsNumberText(string Digits)
    {
        public override string ToString() => $"{Digits[..3]} {Digits[3..6]} {Digits[6..]}";
    }
}

/// <summary>What is needed to register a patient.</summary>
public sealed record NewPatient(string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, AdministrativeSex Sex);

/// <summary>Patients, families and records of discussion.</summary>
public sealed class ConsentService(IConsentStore store, IClock clock) : IResearchConsent, IPatientRegistry
{
    /// <inheritdoc />
    async Task<PatientSummary?> IPatientRegistry.GetAsync(PatientId id, CancellationToken cancellationToken) =>
        Summary(await store.FindPatientAsync(id, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PatientSummary>> GetManyAsync(IReadOnlyCollection<PatientId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        IReadOnlyList<Patient> found = await store.FindPatientsAsync(ids.Select(i => i.Value).ToList(), cancellationToken).ConfigureAwait(false);
        return found.Select(p => Summary(p)!).ToList();
    }

    /// <inheritdoc />
    public async Task<PatientSummary?> FindAsync(NhsNumber nhsNumber, CancellationToken cancellationToken) =>
        Summary(await store.FindPatientAsync(nhsNumber, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<Result<(PatientSummary Patient, bool Created)>> FindOrRegisterAsync(PatientDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        Result<NhsNumber> number = NhsNumber.Parse(details.NhsNumber);
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        if (await store.FindPatientAsync(number.Value, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (Summary(existing)!, false);
        }

        AdministrativeSex sex = details.Sex?.Trim().ToUpperInvariant() switch
        {
            "FEMALE" or "F" => AdministrativeSex.Female,
            "MALE" or "M" => AdministrativeSex.Male,
            "OTHER" => AdministrativeSex.Other,
            _ => AdministrativeSex.Unknown,
        };
        Result<PatientView> registered = await RegisterAsync(new NewPatient(details.NhsNumber, details.GivenName, details.FamilyName, details.DateOfBirth, sex), cancellationToken).ConfigureAwait(false);
        if (!registered.IsSuccess)
        {
            return registered.Error;
        }

        Patient? created = await store.FindPatientAsync(registered.Value.Id, cancellationToken).ConfigureAwait(false);
        return (Summary(created)!, true);
    }

    private static PatientSummary? Summary(Patient? p) =>
        p is null ? null : new PatientSummary(new PatientId(p.Id), p.NhsNumber, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex.ToString().ToLowerInvariant());

    /// <summary>Registers a patient; refuses an invalid or already registered NHS number.</summary>
    public async Task<Result<PatientView>> RegisterAsync(NewPatient request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Result<NhsNumber> number = NhsNumber.Parse(request.NhsNumber);
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        if (string.IsNullOrWhiteSpace(request.GivenName) || string.IsNullOrWhiteSpace(request.FamilyName))
        {
            return Error.BadInput("PAT001", "Given name and family name are required.");
        }

        if (request.DateOfBirth > DateOnly.FromDateTime(clock.UtcNow.UtcDateTime))
        {
            return Error.BadInput("PAT002", $"The date of birth {request.DateOfBirth:yyyy-MM-dd} is in the future.");
        }

        var patient = new Patient(PatientId.New(), number.Value, request.GivenName, request.FamilyName, request.DateOfBirth, request.Sex, clock.UtcNow);
        if (!await store.AddPatientAsync(patient, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("PAT003", $"A patient with NHS number {number.Value} is already registered.");
        }

        return PatientView.From(patient);
    }

    /// <summary>The patient.</summary>
    public async Task<Result<PatientView>> GetAsync(PatientId id, CancellationToken cancellationToken)
    {
        Patient? patient = await store.FindPatientAsync(id, cancellationToken).ConfigureAwait(false);
        return patient is null ? Error.NotFound("PAT004", $"No patient {id}.") : PatientView.From(patient);
    }

    /// <summary>The patient with this NHS number.</summary>
    public async Task<Result<PatientView>> FindAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        Result<NhsNumber> number = NhsNumber.Parse(nhsNumber);
        if (!number.IsSuccess)
        {
            return number.Error;
        }

        Patient? patient = await store.FindPatientAsync(number.Value, cancellationToken).ConfigureAwait(false);
        return patient is null ? Error.NotFound("PAT004", $"No patient with NHS number {number.Value}.") : PatientView.From(patient);
    }

    /// <summary>Links <paramref name="relative"/> into the proband's family (creating the family on first use).</summary>
    public async Task<Result<IReadOnlyList<PatientView>>> LinkRelativeAsync(PatientId proband, PatientId relative, string relationship, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(relationship))
        {
            return Error.BadInput("PAT005", "The relationship to the proband is required (e.g. mother, father, sibling).");
        }

        if (proband == relative)
        {
            return Error.BadInput("PAT006", "A patient cannot be their own relative.");
        }

        Patient? p = await store.FindPatientAsync(proband, cancellationToken).ConfigureAwait(false);
        Patient? r = await store.FindPatientAsync(relative, cancellationToken).ConfigureAwait(false);
        if (p is null || r is null)
        {
            return Error.NotFound("PAT004", $"No patient {(p is null ? proband : relative)}.");
        }

        if (r.FamilyId is { } existing && existing != (p.FamilyId ?? Guid.Empty))
        {
            return Error.Conflict("PAT007", "The relative already belongs to another family.");
        }

        Guid family = p.FamilyId ?? Guid.NewGuid();
        if (p.FamilyId is null)
        {
            p.JoinFamily(family, "proband");
        }

        r.JoinFamily(family, relationship.Trim().ToLowerInvariant());
        await store.SaveAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Patient> members = await store.FamilyAsync(family, cancellationToken).ConfigureAwait(false);
        return members.Select(PatientView.From).ToList();
    }

    /// <summary>The patient's family, proband first then by relationship; just the patient when not in a family.</summary>
    public async Task<Result<IReadOnlyList<PatientView>>> FamilyOfAsync(PatientId id, CancellationToken cancellationToken)
    {
        Patient? patient = await store.FindPatientAsync(id, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return Error.NotFound("PAT004", $"No patient {id}.");
        }

        if (patient.FamilyId is not Guid family)
        {
            return new[] { PatientView.From(patient) };
        }

        IReadOnlyList<Patient> members = await store.FamilyAsync(family, cancellationToken).ConfigureAwait(false);
        return members
            .OrderBy(m => m.RelationshipToProband == "proband" ? 0 : 1)
            .ThenBy(m => m.RelationshipToProband, StringComparer.Ordinal)
            .Select(PatientView.From)
            .ToList();
    }

    /// <summary>Records a discussion: the decisions now in force for the patient.</summary>
    public async Task<Result<ConsentStatus>> RecordDiscussionAsync(PatientId patient, ConsentDecision clinicalTesting, ConsentDecision research, string recordedBy, string? notes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recordedBy))
        {
            return Error.BadInput("CON001", "Who recorded the discussion is required.");
        }

        if (await store.FindPatientAsync(patient, cancellationToken).ConfigureAwait(false) is null)
        {
            return Error.NotFound("PAT004", $"No patient {patient}.");
        }

        var record = new DiscussionRecord(Guid.NewGuid(), patient, clinicalTesting, research, recordedBy.Trim(), clock.UtcNow, notes);
        await store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return new ConsentStatus(patient, clinicalTesting, research, record.RecordedAt, record.RecordedBy);
    }

    /// <summary>The current position (the latest record); not-asked for both when there is none.</summary>
    public async Task<Result<ConsentStatus>> StatusAsync(PatientId patient, CancellationToken cancellationToken)
    {
        if (await store.FindPatientAsync(patient, cancellationToken).ConfigureAwait(false) is null)
        {
            return Error.NotFound("PAT004", $"No patient {patient}.");
        }

        IReadOnlyList<DiscussionRecord> history = await store.HistoryAsync(patient, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return new ConsentStatus(patient, ConsentDecision.NotAsked, ConsentDecision.NotAsked, null, null);
        }

        DiscussionRecord latest = history[^1];
        return new ConsentStatus(patient, latest.ClinicalTesting, latest.Research, latest.RecordedAt, latest.RecordedBy);
    }

    /// <summary>Every record of discussion, oldest first.</summary>
    public Task<IReadOnlyList<DiscussionRecord>> HistoryAsync(PatientId patient, CancellationToken cancellationToken) =>
        store.HistoryAsync(patient, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> IsIncludedAsync(PatientId patient, CancellationToken cancellationToken) =>
        (await store.ResearchIncludedAsync([patient], cancellationToken).ConfigureAwait(false)).Contains(patient);

    /// <inheritdoc />
    public Task<IReadOnlySet<PatientId>> IncludedAsync(IReadOnlyCollection<PatientId> patients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patients);
        return store.ResearchIncludedAsync(patients, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<PatientId>> AllIncludedAsync(CancellationToken cancellationToken) =>
        store.ResearchIncludedAsync(null, cancellationToken);
}
