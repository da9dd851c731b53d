using OpenGms.Panels.Contracts;

namespace OpenGms.Panels.Domain;

/// <summary>What a panel entity is.</summary>
public enum PanelEntityKind
{
    /// <summary>A gene.</summary>
    Gene = 0,

    /// <summary>A short tandem repeat.</summary>
    Str = 1,

    /// <summary>A genomic region (CNV).</summary>
    Region = 2,
}

/// <summary>
/// A gene, STR or region of one panel version, with PanelApp's review fields. Coordinates are as PanelApp publishes
/// them: 1-based closed intervals (Ensembl locations <c>11:108093211-108239829</c> and the STR/region
/// <c>grch37_coordinates</c>/<c>grch38_coordinates</c> pairs). Invariant: End &gt;= Start where both are set.
/// </summary>
public sealed class PanelEntity
{
    /// <summary>Surrogate key (storage).</summary>
    public long Key { get; init; }

    /// <summary>The owning version's key (storage).</summary>
    public long VersionKey { get; init; }

    /// <summary>Gene, STR or region.</summary>
    public required PanelEntityKind Kind { get; init; }

    /// <summary>PanelApp's entity name (gene symbol, <c>ATN1_CAG</c>, <c>ISCA-37404-Loss</c>).</summary>
    public required string EntityName { get; init; }

    /// <summary>The HGNC symbol of the gene (for STRs and regions: the gene they sit in, when given).</summary>
    public string? GeneSymbol { get; init; }

    /// <summary>HGNC id, e.g. <c>HGNC:6547</c>.</summary>
    public string? HgncId { get; init; }

    /// <summary>The rating (from <see cref="ConfidenceLevel"/>).</summary>
    public required PanelConfidence Confidence { get; init; }

    /// <summary>PanelApp's raw confidence level (0-4; 4 is also green).</summary>
    public required int ConfidenceLevel { get; init; }

    /// <summary>Mode of inheritance as published.</summary>
    public string? ModeOfInheritance { get; init; }

    /// <summary>Mode of pathogenicity as published.</summary>
    public string? ModeOfPathogenicity { get; init; }

    /// <summary>Penetrance (Complete, Incomplete, unknown).</summary>
    public string? Penetrance { get; init; }

    /// <summary>Phenotypes as published.</summary>
    public List<string> Phenotypes { get; init; } = [];

    /// <summary>Tags as published.</summary>
    public List<string> Tags { get; init; } = [];

    /// <summary>How many publications PanelApp lists.</summary>
    public int PublicationCount { get; init; }

    /// <summary>GRCh37 chromosome.</summary>
    public string? Grch37Chromosome { get; init; }

    /// <summary>GRCh37 start, 1-based.</summary>
    public int? Grch37Start { get; init; }

    /// <summary>GRCh37 end, 1-based inclusive.</summary>
    public int? Grch37End { get; init; }

    /// <summary>Ensembl gene id on GRCh37.</summary>
    public string? Grch37EnsemblId { get; init; }

    /// <summary>GRCh38 chromosome.</summary>
    public string? Grch38Chromosome { get; init; }

    /// <summary>GRCh38 start, 1-based.</summary>
    public int? Grch38Start { get; init; }

    /// <summary>GRCh38 end, 1-based inclusive.</summary>
    public int? Grch38End { get; init; }

    /// <summary>Ensembl gene id on GRCh38.</summary>
    public string? Grch38EnsemblId { get; init; }

    /// <summary>STR: the repeated unit, e.g. <c>CAG</c>.</summary>
    public string? RepeatedSequence { get; init; }

    /// <summary>STR: the largest normal repeat count.</summary>
    public int? NormalRepeats { get; init; }

    /// <summary>STR: the smallest pathogenic repeat count.</summary>
    public int? PathogenicRepeats { get; init; }

    /// <summary>Region: PanelApp's descriptive name.</summary>
    public string? VerboseName { get; init; }

    /// <summary>Region: variant type (cnv_loss, cnv_gain, ...).</summary>
    public string? TypeOfVariants { get; init; }

    /// <summary>Region: ClinGen haploinsufficiency score as published.</summary>
    public string? HaploinsufficiencyScore { get; init; }

    /// <summary>Region: ClinGen triplosensitivity score as published.</summary>
    public string? TriplosensitivityScore { get; init; }

    /// <summary>Region: required overlap percentage.</summary>
    public int? RequiredOverlapPercentage { get; init; }

    /// <summary>For super-panels: the child panel this entry comes from.</summary>
    public int? SourcePanelId { get; init; }

    /// <summary>For super-panels: the child panel's version.</summary>
    public string? SourcePanelVersion { get; init; }

    /// <summary>The identity of this entity within its version (kind, name and, for super-panels, source panel).</summary>
    public string Identity => $"{Kind}|{EntityName}|{SourcePanelId}";
}

/// <summary>A child panel of a super-panel version, pinned to the child's version.</summary>
public sealed class PanelComponent
{
    /// <summary>The owning version's key (storage).</summary>
    public long VersionKey { get; init; }

    /// <summary>The child panel's id.</summary>
    public required int ChildPanelId { get; init; }

    /// <summary>The child panel's version used by the super-panel.</summary>
    public required string ChildVersion { get; init; }

    /// <summary>The child panel's name.</summary>
    public required string ChildName { get; init; }
}
