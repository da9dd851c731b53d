using OpenGms.Kernel;

namespace OpenGms.Consent.Contracts;

/// <summary>A registered patient, as other modules (orders) see one.</summary>
/// <param name="Id">The patient's id inside OpenGMS.</param>
/// <param name="NhsNumber">The ten digits of the NHS number.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Sex">FHIR AdministrativeGender code: <c>female</c>, <c>male</c>, <c>other</c> or <c>unknown</c>.</param>
public sealed record PatientSummary(PatientId Id, string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string Sex);

/// <summary>What is needed to register a patient from another module (a FHIR order, an order form).</summary>
/// <param name="NhsNumber">The NHS number as given (validated with its check digit).</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Sex">FHIR AdministrativeGender code.</param>
public sealed record PatientDetails(string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string Sex);

/// <summary>Finds and registers patients for other modules. Callers audit their own access.</summary>
public interface IPatientRegistry
{
    /// <summary>The patient, or null.</summary>
    Task<PatientSummary?> GetAsync(PatientId id, CancellationToken cancellationToken);

    /// <summary>The patients among <paramref name="ids"/> that exist, in one query.</summary>
    Task<IReadOnlyList<PatientSummary>> GetManyAsync(IReadOnlyCollection<PatientId> ids, CancellationToken cancellationToken);

    /// <summary>The patient with this NHS number, or null.</summary>
    Task<PatientSummary?> FindAsync(NhsNumber nhsNumber, CancellationToken cancellationToken);

    /// <summary>
    /// The patient with the NHS number of <paramref name="details"/>, registering them first when new. The second
    /// value is true when the patient was created. Fails like registration does (<c>NHS00x</c>, <c>PAT00x</c>).
    /// </summary>
    Task<Result<(PatientSummary Patient, bool Created)>> FindOrRegisterAsync(PatientDetails details, CancellationToken cancellationToken);
}
