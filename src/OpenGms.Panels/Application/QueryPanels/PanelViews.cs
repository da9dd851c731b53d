using OpenGms.Kernel;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Domain;

namespace OpenGms.Panels.Application.QueryPanels;

/// <summary>A panel in a list: the newest stored version's description.</summary>
/// <param name="Id">PanelApp id.</param>
/// <param name="Name">Name.</param>
/// <param name="DiseaseGroup">Disease group.</param>
/// <param name="DiseaseSubGroup">Disease sub-group.</param>
/// <param name="LatestVersion">The newest stored version.</param>
/// <param name="SignedOffVersion">The newest stored signed-off version, if any.</param>
/// <param name="VersionCount">How many versions are stored.</param>
/// <param name="Genes">Genes PanelApp states for the newest version.</param>
/// <param name="RelevantDisorders">Relevant disorders of the newest version.</param>
/// <param name="Types">Type names of the newest version.</param>
public sealed record PanelListItem(
    int Id, string Name, string DiseaseGroup, string DiseaseSubGroup, string LatestVersion, string? SignedOffVersion, int VersionCount,
    int Genes, IReadOnlyList<string> RelevantDisorders, IReadOnlyList<string> Types);

/// <summary>One stored version of a panel.</summary>
/// <param name="Version">The version.</param>
/// <param name="Created">When PanelApp created it.</param>
/// <param name="SignedOffOn">The sign-off date, for a signed-off version.</param>
/// <param name="HasEntities">True when its genes, STRs and regions are stored (false for a list entry only).</param>
/// <param name="Genes">Gene count (stored, else stated).</param>
/// <param name="Strs">STR count.</param>
/// <param name="Regions">Region count.</param>
public sealed record PanelVersionInfo(string Version, DateTimeOffset? Created, DateOnly? SignedOffOn, bool HasEntities, int Genes, int Strs, int Regions);

/// <summary>A position on one genome build; 1-based closed, as PanelApp publishes it.</summary>
/// <param name="Chromosome">Chromosome name without prefix.</param>
/// <param name="Start">First base, 1-based.</param>
/// <param name="End">Last base, 1-based inclusive.</param>
/// <param name="EnsemblId">Ensembl gene id, for genes.</param>
public sealed record BuildPosition(string? Chromosome, int? Start, int? End, string? EnsemblId)
{
    internal static BuildPosition? Of(string? chromosome, int? start, int? end, string? ensemblId) =>
        chromosome is null && start is null && ensemblId is null ? null : new BuildPosition(chromosome, start, end, ensemblId);
}

/// <summary>A gene, STR or region of a panel version, for display and the API.</summary>
public sealed record PanelEntityView
{
    /// <summary>gene, str or region.</summary>
    public required PanelEntityKind Kind { get; init; }

    /// <summary>Entity name.</summary>
    public required string Name { get; init; }

    /// <summary>HGNC symbol.</summary>
    public string? Symbol { get; init; }

    /// <summary>HGNC id.</summary>
    public string? HgncId { get; init; }

    /// <summary>Rating.</summary>
    public required PanelConfidence Confidence { get; init; }

    /// <summary>Raw level 0-4.</summary>
    public required int ConfidenceLevel { get; init; }

    /// <summary>Mode of inheritance.</summary>
    public string? ModeOfInheritance { get; init; }

    /// <summary>Mode of pathogenicity.</summary>
    public string? ModeOfPathogenicity { get; init; }

    /// <summary>Penetrance.</summary>
    public string? Penetrance { get; init; }

    /// <summary>Phenotypes.</summary>
    public IReadOnlyList<string> Phenotypes { get; init; } = [];

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Publication count.</summary>
    public int Publications { get; init; }

    /// <summary>GRCh37 position.</summary>
    public BuildPosition? Grch37 { get; init; }

    /// <summary>GRCh38 position.</summary>
    public BuildPosition? Grch38 { get; init; }

    /// <summary>STR repeated unit.</summary>
    public string? RepeatedSequence { get; init; }

    /// <summary>STR normal repeats.</summary>
    public int? NormalRepeats { get; init; }

    /// <summary>STR pathogenic repeats.</summary>
    public int? PathogenicRepeats { get; init; }

    /// <summary>Region description.</summary>
    public string? VerboseName { get; init; }

    /// <summary>Region variant type.</summary>
    public string? TypeOfVariants { get; init; }

    /// <summary>Region haploinsufficiency score.</summary>
    public string? HaploinsufficiencyScore { get; init; }

    /// <summary>Region triplosensitivity score.</summary>
    public string? TriplosensitivityScore { get; init; }

    /// <summary>Super-panel: the child panel listing this entity.</summary>
    public int? SourcePanelId { get; init; }

    internal static PanelEntityView From(PanelEntity e) => new()
    {
        Kind = e.Kind,
        Name = e.EntityName,
        Symbol = e.GeneSymbol,
        HgncId = e.HgncId,
        Confidence = e.Confidence,
        ConfidenceLevel = e.ConfidenceLevel,
        ModeOfInheritance = e.ModeOfInheritance,
        ModeOfPathogenicity = e.ModeOfPathogenicity,
        Penetrance = e.Penetrance,
        Phenotypes = e.Phenotypes,
        Tags = e.Tags,
        Publications = e.PublicationCount,
        Grch37 = BuildPosition.Of(e.Grch37Chromosome, e.Grch37Start, e.Grch37End, e.Grch37EnsemblId),
        Grch38 = BuildPosition.Of(e.Grch38Chromosome, e.Grch38Start, e.Grch38End, e.Grch38EnsemblId),
        RepeatedSequence = e.RepeatedSequence,
        NormalRepeats = e.NormalRepeats,
        PathogenicRepeats = e.PathogenicRepeats,
        VerboseName = e.VerboseName,
        TypeOfVariants = e.TypeOfVariants,
        HaploinsufficiencyScore = e.HaploinsufficiencyScore,
        TriplosensitivityScore = e.TriplosensitivityScore,
        SourcePanelId = e.SourcePanelId,
    };
}

/// <summary>A child panel of a super-panel.</summary>
/// <param name="Id">Child panel id.</param>
/// <param name="Version">Child version used.</param>
/// <param name="Name">Child name.</param>
public sealed record PanelComponentView(int Id, string Version, string Name);

/// <summary>A panel at one version, with its entities at or above a rating.</summary>
public sealed record PanelView
{
    /// <summary>PanelApp id.</summary>
    public required int Id { get; init; }

    /// <summary>Name at this version.</summary>
    public required string Name { get; init; }

    /// <summary>The version shown.</summary>
    public required string Version { get; init; }

    /// <summary>Disease group.</summary>
    public string DiseaseGroup { get; init; } = "";

    /// <summary>Disease sub-group.</summary>
    public string DiseaseSubGroup { get; init; } = "";

    /// <summary>PanelApp status.</summary>
    public string Status { get; init; } = "";

    /// <summary>When created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Sign-off date, for a signed-off version.</summary>
    public DateOnly? SignedOffOn { get; init; }

    /// <summary>True for a signed-off version.</summary>
    public bool SignedOff => SignedOffOn is not null;

    /// <summary>Type names.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Relevant disorders as published.</summary>
    public IReadOnlyList<string> RelevantDisorders { get; init; } = [];

    /// <summary>The R/M codes among the relevant disorders.</summary>
    public IReadOnlyList<string> IndicationCodes { get; init; } = [];

    /// <summary>True for a super-panel.</summary>
    public bool IsSuperPanel { get; init; }

    /// <summary>Child panels of a super-panel.</summary>
    public IReadOnlyList<PanelComponentView> Components { get; init; } = [];

    /// <summary>The lowest rating included.</summary>
    public required PanelConfidence MinimumConfidence { get; init; }

    /// <summary>False when only the panel list entry of this version is stored (no genes).</summary>
    public required bool HasEntities { get; init; }

    /// <summary>Genes at or above <see cref="MinimumConfidence"/>, by rating then symbol.</summary>
    public IReadOnlyList<PanelEntityView> Genes { get; init; } = [];

    /// <summary>STRs at or above the rating.</summary>
    public IReadOnlyList<PanelEntityView> Strs { get; init; } = [];

    /// <summary>Regions at or above the rating.</summary>
    public IReadOnlyList<PanelEntityView> Regions { get; init; } = [];

    /// <summary>Counts of all genes by rating in this version (whatever the filter).</summary>
    public IReadOnlyDictionary<PanelConfidence, int> GeneCounts { get; init; } = new Dictionary<PanelConfidence, int>();

    /// <summary>Every stored version, newest first.</summary>
    public IReadOnlyList<PanelVersionInfo> Versions { get; init; } = [];
}

/// <summary>A change of one entity's rating or mode of inheritance between two versions.</summary>
/// <param name="Kind">gene, str or region.</param>
/// <param name="Name">Entity name.</param>
/// <param name="From">The value in the first version.</param>
/// <param name="To">The value in the second version.</param>
public sealed record PanelChange(PanelEntityKind Kind, string Name, string? From, string? To);

/// <summary>What changed between two versions of a panel.</summary>
/// <param name="PanelId">Panel id.</param>
/// <param name="Name">Panel name at the second version.</param>
/// <param name="From">First version.</param>
/// <param name="To">Second version.</param>
/// <param name="Added">Entities in <paramref name="To"/> only.</param>
/// <param name="Removed">Entities in <paramref name="From"/> only.</param>
/// <param name="RatingChanges">Entities whose rating changed.</param>
/// <param name="InheritanceChanges">Entities whose mode of inheritance changed.</param>
public sealed record PanelDiff(
    int PanelId, string Name, string From, string To,
    IReadOnlyList<PanelEntityView> Added, IReadOnlyList<PanelEntityView> Removed,
    IReadOnlyList<PanelChange> RatingChanges, IReadOnlyList<PanelChange> InheritanceChanges);

/// <summary>Read side of the panels module (CLI, API, pages).</summary>
public interface IPanelQueries
{
    /// <summary>Panels whose id, name, group or relevant disorders contain <paramref name="text"/> (all when empty), by name.</summary>
    Task<IReadOnlyList<PanelListItem>> ListAsync(string? text, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The panel at <paramref name="version"/> (null: the newest version whose genes are stored; <c>signed-off</c>:
    /// the newest signed-off version), with entities rated at or above <paramref name="minimum"/>.
    /// </summary>
    Task<Result<PanelView>> GetAsync(int panelId, string? version, PanelConfidence minimum, CancellationToken cancellationToken);

    /// <summary>Every stored version, newest first.</summary>
    Task<Result<IReadOnlyList<PanelVersionInfo>>> VersionsAsync(int panelId, CancellationToken cancellationToken);

    /// <summary>Entities added, removed, re-rated or with a new mode of inheritance from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<Result<PanelDiff>> DiffAsync(int panelId, string from, string to, CancellationToken cancellationToken);
}

/// <summary>Error codes of the panels read side.</summary>
public static class PanelErrorCodes
{
    /// <summary>No panel with that id.</summary>
    public const string PanelNotFound = "PAN020";

    /// <summary>The panel has no such version stored.</summary>
    public const string VersionNotFound = "PAN021";

    /// <summary>Only the list entry of that version is stored: no genes to resolve.</summary>
    public const string NoEntities = "PAN022";

    /// <summary>A confidence filter or version text that cannot be read.</summary>
    public const string BadQuery = "PAN023";
}

/// <summary>Parses the confidence names used on the command line and in the API.</summary>
public static class ConfidenceNames
{
    /// <summary><c>green</c>, <c>amber</c>, <c>red</c> (or 3, 2, 1); null or empty means green.</summary>
    public static Result<PanelConfidence> Parse(string? text) => (text ?? "").Trim().ToUpperInvariant() switch
    {
        "" or "GREEN" or "3" => PanelConfidence.Green,
        "AMBER" or "2" => PanelConfidence.Amber,
        "RED" or "1" => PanelConfidence.Red,
        _ => Error.BadInput(PanelErrorCodes.BadQuery, $"confidence '{text}' is not green, amber or red"),
    };

    /// <summary>The lower-case name of a rating.</summary>
    public static string Name(PanelConfidence confidence) => confidence switch
    {
        PanelConfidence.Green => "green",
        PanelConfidence.Amber => "amber",
        PanelConfidence.Red => "red",
        _ => "unrated",
    };
}
