using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenGms.Consent.Contracts;

/// <summary>A patient's identity inside OpenGMS (not the NHS number, which is patient-identifiable).</summary>
/// <param name="Value">The id.</param>
[JsonConverter(typeof(PatientIdJsonConverter))]
public readonly record struct PatientId(Guid Value)
{
    /// <summary>A new random id.</summary>
    public static PatientId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}

/// <summary>A decision recorded in a record of discussion.</summary>
public enum ConsentDecision
{
    /// <summary>The question has not been put to the patient yet.</summary>
    NotAsked,

    /// <summary>The patient agreed.</summary>
    Yes,

    /// <summary>The patient declined (or, for research, withdrew).</summary>
    No,
}

/// <summary>The current consent position of one patient, as the latest record of discussion states it.</summary>
/// <param name="Patient">The patient.</param>
/// <param name="ClinicalTesting">The decision on clinical genomic testing.</param>
/// <param name="Research">The decision on taking part in research (the National Genomic Research Library).</param>
/// <param name="RecordedAt">When the latest record was made.</param>
/// <param name="RecordedBy">Who recorded it.</param>
public sealed record ConsentStatus(PatientId Patient, ConsentDecision ClinicalTesting, ConsentDecision Research, DateTimeOffset? RecordedAt, string? RecordedBy);

/// <summary>
/// The one rule every research view, export and count must apply: only patients whose CURRENT research decision is
/// <see cref="ConsentDecision.Yes"/> are included. It is evaluated on every call (never cached), so a withdrawal takes
/// effect from the moment it is recorded.
/// </summary>
public interface IResearchConsent
{
    /// <summary>True when the patient may be included in research now.</summary>
    Task<bool> IsIncludedAsync(PatientId patient, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="patients"/>, those that may be included in research now.</summary>
    Task<IReadOnlySet<PatientId>> IncludedAsync(IReadOnlyCollection<PatientId> patients, CancellationToken cancellationToken);

    /// <summary>Every patient that may be included in research now.</summary>
    Task<IReadOnlySet<PatientId>> AllIncludedAsync(CancellationToken cancellationToken);
}

/// <summary>Writes a <see cref="PatientId"/> as its 32 hex digits and reads any GUID form.</summary>
public sealed class PatientIdJsonConverter : JsonConverter<PatientId>
{
    /// <inheritdoc />
    public override PatientId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(Guid.Parse(reader.GetString() ?? throw new JsonException("A patient id is required.")));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PatientId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
