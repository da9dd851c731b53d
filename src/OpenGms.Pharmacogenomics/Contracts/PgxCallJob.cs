using System.Text;
using System.Text.Json;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Pharmacogenomics.Contracts;

/// <summary>
/// The <c>pgx.call</c> job: call a sample's VCF in the background and keep the report (one JSON line per sample, as
/// <c>gms pgx call --json</c> prints it) as the job's result. Payload: <c>{"vcf": PATH, "sample": ID?, "outsideCalls": PATH?}</c>.
/// A bad VCF or an unknown sample fails the job with the PGX error code and message.
/// </summary>
public sealed class PgxCallJob(PgxServiceLoader loader) : IJobHandler
{
    /// <summary>The job kind.</summary>
    public const string JobKind = "pgx.call";

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <summary>The payload for a call of <paramref name="vcfPath"/>.</summary>
    public static string Payload(string vcfPath, string? sample, string? outsideCallsPath)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("vcf", vcfPath);
            json.WriteString("sample", sample);
            json.WriteString("outsideCalls", outsideCallsPath);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <inheritdoc />
    public Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        string vcf;
        string? sample;
        string? outside;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(job.Payload);
            vcf = doc.RootElement.GetProperty("vcf").GetString() ?? throw new InvalidDataException("'vcf' is null");
            sample = doc.RootElement.TryGetProperty("sample", out JsonElement s) ? s.GetString() : null;
            outside = doc.RootElement.TryGetProperty("outsideCalls", out JsonElement o) ? o.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"PGX050: the job's payload is not {{\"vcf\": PATH, \"sample\": ID?}} ({ex.Message}).", ex);
        }

        Result<PgxService> service = loader.Get();
        if (!service.IsSuccess)
        {
            throw new InvalidOperationException(service.Error.ToString());
        }

        Result<IReadOnlyList<PgxReport>> reports = service.Value.CallVcf(vcf, sample, outside);
        if (!reports.IsSuccess)
        {
            throw new InvalidOperationException(reports.Error.ToString());
        }

        var lines = new StringBuilder();
        foreach (PgxReport report in reports.Value)
        {
            lines.Append(PgxService.ToJson(report)).Append('\n');
        }

        return Task.FromResult<string?>(lines.ToString());
    }
}
