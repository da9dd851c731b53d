using System.Text.Json;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Contracts;

/// <summary>
/// The <c>rare-disease.analyse</c> job: <c>gms analyse</c> in the background. Payload (paths on the worker's machine):
/// <c>{"case": PHENOPACKET, "ped": PED?, "panelGenes": FILE?, "panel": PANELAPP_JSON?, "cache": DIR?, "hpoData": DIR?,
/// "ignoreContigLengths": bool?}</c>; the VCF is the one the phenopacket names. The result is the analysis JSON (schema v1,
/// top 50 candidates). Errors (bad phenopacket, cache, HPO data) fail the job with their code.
/// </summary>
public sealed class RareDiseaseAnalysisJob : IJobHandler
{
    /// <summary>The job kind.</summary>
    public const string JobKind = "rare-disease.analyse";

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <inheritdoc />
    public Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using JsonDocument doc = JsonDocument.Parse(job.Payload);
        JsonElement p = doc.RootElement;
        string? Text(string name) => p.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

        string casePath = Text("case") ?? throw new InvalidDataException("INT050: the job's payload names no \"case\" (a phenopacket).");
        CaseDefinition c = Unwrap(PhenopacketReader.Read(casePath));
        if (Text("ped") is string ped)
        {
            c = c with { Pedigree = Unwrap(PedReader.Read(ped)) };
        }

        ResolvedPanel? panel = Text("panel") is string panelPath ? Unwrap(PanelFileReader.ReadPanelApp(panelPath, PanelConfidence.Green))
            : Text("panelGenes") is string genes ? Unwrap(PanelFileReader.ReadGeneList(genes)) : null;
        AnnotationCache? cache = Text("cache") is string dir ? Unwrap(AnnotationCache.Load(dir)) : null;
        IPhenotypeScorer? scorer = Text("hpoData") is string hpo ? Unwrap(HpoPhenotypeScorer.Load(hpo)) : null;
        var options = new AnalysisOptions
        {
            Panel = panel,
            Phenotype = scorer,
            IgnoreContigLengths = p.TryGetProperty("ignoreContigLengths", out JsonElement ignore) && ignore.ValueKind == JsonValueKind.True,
        };

        AnalysisResult result = Unwrap(CaseAnalyser.Analyse(c, cache, options, cancellationToken));
        return Task.FromResult<string?>(AnalysisReports.ToJson(result, 50));
    }

    private static T Unwrap<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.ToString());
}
