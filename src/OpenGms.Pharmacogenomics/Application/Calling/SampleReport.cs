using OpenGms.Pharmacogenomics.Application.Matching;

namespace OpenGms.Pharmacogenomics.Application.Calling;

/// <summary>A call supplied from outside the matcher (CYP2D6 from a CNV-aware caller, HLA typing, a lab result).</summary>
internal sealed record OutsideCall(string Gene, string? Diplotype, string? Phenotype, string? ActivityScore, int Line);

/// <summary>The reported result for one gene.</summary>
internal sealed record GeneResult(
    string Gene,
    bool Called,
    string Source,
    CallShape Shape,
    IReadOnlyList<string> Diplotypes,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Phenotypes,
    string? ActivityScore,
    IReadOnlyList<string> CpicLookupKeys,
    IReadOnlyList<string> DpwgLookupKeys,
    IReadOnlyList<string> MissingPositions,
    string? Note);

/// <summary>A recommendation that applies to the sample.</summary>
internal sealed record DrugResult(
    string Drug,
    string Source,
    string Guideline,
    string? Url,
    string Classification,
    string Recommendation,
    IReadOnlyList<string> Implications,
    IReadOnlyDictionary<string, string> Genes,
    string? Population);

/// <summary>One sample's report: gene calls and the drugs they affect.</summary>
internal sealed record SampleReport(string Sample, string DefinitionsVersion, IReadOnlyList<GeneResult> Genes, IReadOnlyList<DrugResult> Drugs);
