using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;

namespace OpenGms.Consent.Application;

/// <summary>The consent module's persistence port (implemented in Infrastructure with EF Core).</summary>
public interface IConsentStore
{
    /// <summary>The patient, or null.</summary>
    Task<Patient?> FindPatientAsync(PatientId id, CancellationToken cancellationToken);

    /// <summary>The patients among <paramref name="ids"/> that exist.</summary>
    Task<IReadOnlyList<Patient>> FindPatientsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The patient with this NHS number, or null.</summary>
    Task<Patient?> FindPatientAsync(NhsNumber nhsNumber, CancellationToken cancellationToken);

    /// <summary>Adds a patient; false when the NHS number is already registered.</summary>
    Task<bool> AddPatientAsync(Patient patient, CancellationToken cancellationToken);

    /// <summary>Saves changes to tracked patients.</summary>
    Task SaveAsync(CancellationToken cancellationToken);

    /// <summary>Appends a record of discussion.</summary>
    Task AppendAsync(DiscussionRecord record, CancellationToken cancellationToken);

    /// <summary>The patient's records, oldest first.</summary>
    Task<IReadOnlyList<DiscussionRecord>> HistoryAsync(PatientId patient, CancellationToken cancellationToken);

    /// <summary>The members of a family.</summary>
    Task<IReadOnlyList<Patient>> FamilyAsync(Guid familyId, CancellationToken cancellationToken);

    /// <summary>Of the given patients (all patients when null), those whose latest record says research Yes.</summary>
    Task<IReadOnlySet<PatientId>> ResearchIncludedAsync(IReadOnlyCollection<PatientId>? among, CancellationToken cancellationToken);
}
