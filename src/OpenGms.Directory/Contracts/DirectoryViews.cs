namespace OpenGms.Directory.Contracts;

/// <summary>A stored edition of a test directory.</summary>
/// <param name="Key">The key to name it by, e.g. <c>rd-5.1</c>.</param>
/// <param name="Kind"><c>rare-and-inherited</c> or <c>cancer</c>.</param>
/// <param name="Version">The published version, e.g. <c>5.1</c>, <c>2020-21</c>.</param>
/// <param name="PublishedOn">Publication date (first of the month when only the month is known), when known.</param>
/// <param name="SourceFormat"><c>nhse-xlsx</c>, <c>eastgenomics-json</c>, <c>opengms-json</c> or <c>opengms-demo</c>.</param>
/// <param name="SourceFile">The imported file's name.</param>
/// <param name="Sha256">SHA-256 of the imported file.</param>
/// <param name="Indications">Number of clinical indications.</param>
/// <param name="Tests">Number of tests.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="IsCurrent">True when it is the edition searches use by default for its kind.</param>
public sealed record EditionView(
    string Key, string Kind, string Version, DateOnly? PublishedOn, string SourceFormat, string SourceFile, string Sha256,
    int Indications, int Tests, DateTimeOffset ImportedAt, bool IsCurrent);

/// <summary>One search hit: an indication or a test.</summary>
/// <param name="Type"><c>indication</c> or <c>test</c>.</param>
/// <param name="Code">R134 or R134.1.</param>
/// <param name="Name">The indication's or test's name.</param>
/// <param name="Detail">A one-line summary (method, matched gene, edition).</param>
/// <param name="Edition">The edition key.</param>
/// <param name="MatchedGene">The gene symbol that matched, for gene searches.</param>
/// <param name="Methods">Normalised methods (tests only).</param>
public sealed record SearchHitView(
    string Type, string Code, string Name, string Detail, string Edition, string? MatchedGene, IReadOnlyList<string> Methods);

/// <summary>A test target as stored, with the outcome of resolving it.</summary>
/// <param name="Kind"><c>panelapp-panel</c>, <c>gene</c> or <c>gene-agnostic</c>.</param>
/// <param name="PanelId">PanelApp panel id (panel targets).</param>
/// <param name="Name">Panel name as published (panel targets).</param>
/// <param name="Symbol">Gene symbol (gene targets).</param>
/// <param name="HgncId">HGNC id (gene targets), when known.</param>
/// <param name="PanelVersion">The panel version the genes were resolved at (panel targets that resolved).</param>
/// <param name="Note">Why a panel target did not resolve, when it did not.</param>
public sealed record TargetView(
    string Kind, int? PanelId, string? Name, string? Symbol, string? HgncId, string? PanelVersion, string? Note);

/// <summary>A gene a test covers.</summary>
/// <param name="Symbol">HGNC symbol (null when the source gave only an HGNC id).</param>
/// <param name="HgncId">HGNC id, when known.</param>
/// <param name="Source"><c>explicit</c>, or the panel it came from, e.g. <c>panel 772 v3.1</c>.</param>
/// <param name="Confidence">PanelApp rating for panel genes (<c>green</c>, <c>amber</c>), null for explicit genes.</param>
public sealed record GeneView(string? Symbol, string? HgncId, string Source, string? Confidence);

/// <summary>A test with its targets resolved to genes.</summary>
/// <param name="Edition">The edition key.</param>
/// <param name="Code">Test code, e.g. R134.1.</param>
/// <param name="IndicationCode">Its indication's code.</param>
/// <param name="IndicationName">Its indication's name.</param>
/// <param name="Name">The test's name.</param>
/// <param name="MethodPublished">Test method as published.</param>
/// <param name="Methods">Normalised methods (kebab-case vocabulary).</param>
/// <param name="Scope">Test scope, when published.</param>
/// <param name="TargetsPublished">Target text as published.</param>
/// <param name="Targets">Targets.</param>
/// <param name="Genes">Genes covered: explicit genes and resolved panel genes.</param>
/// <param name="ChangeNote">Published change note.</param>
/// <param name="Eligibility">Eligibility criteria of this test, when published per test.</param>
public sealed record TestView(
    string Edition, string Code, string IndicationCode, string IndicationName, string Name, string? MethodPublished,
    IReadOnlyList<string> Methods, string? Scope, string? TargetsPublished, IReadOnlyList<TargetView> Targets,
    IReadOnlyList<GeneView> Genes, string? ChangeNote, string? Eligibility);

/// <summary>A clinical indication with its tests.</summary>
/// <param name="Edition">The edition key.</param>
/// <param name="Kind">The edition kind.</param>
/// <param name="Code">R or M code.</param>
/// <param name="Name">Name.</param>
/// <param name="SpecialistTestGroup">Specialist test group (cancer: tumour group).</param>
/// <param name="CommissioningCategory">Commissioning category.</param>
/// <param name="Eligibility">Eligibility criteria, when published for the whole indication.</param>
/// <param name="Tests">Its tests, with genes.</param>
public sealed record IndicationView(
    string Edition, string Kind, string Code, string Name, string? SpecialistTestGroup, string? CommissioningCategory,
    string? Eligibility, IReadOnlyList<TestView> Tests);

/// <summary>One field that differs between two editions.</summary>
/// <param name="Field">The field, e.g. <c>method</c>.</param>
/// <param name="From">The value in the older edition.</param>
/// <param name="To">The value in the newer edition.</param>
public sealed record FieldChangeView(string Field, string? From, string? To);

/// <summary>An indication or test present in both editions with field changes.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name in the newer edition.</param>
/// <param name="Changes">What changed.</param>
/// <param name="PublishedNote">The newer edition's published change note (tests).</param>
public sealed record ChangedItemView(string Code, string Name, IReadOnlyList<FieldChangeView> Changes, string? PublishedNote);

/// <summary>An indication or test present in only one edition.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="PublishedNote">The published change note (tests of the newer edition).</param>
public sealed record ItemView(string Code, string Name, string? PublishedNote);

/// <summary>What differs between two editions, compared by code.</summary>
/// <param name="From">The older edition's key.</param>
/// <param name="To">The newer edition's key.</param>
/// <param name="AddedIndications">Indications only in <paramref name="To"/>.</param>
/// <param name="RemovedIndications">Indications only in <paramref name="From"/>.</param>
/// <param name="ChangedIndications">Indications in both with different fields.</param>
/// <param name="AddedTests">Tests only in <paramref name="To"/>.</param>
/// <param name="RemovedTests">Tests only in <paramref name="From"/>.</param>
/// <param name="ChangedTests">Tests in both with different fields.</param>
/// <param name="NoteDisagreements">Tests whose published change note disagrees with what we found
/// (a note of "No change" on a changed test, or a note announcing a change on an unchanged one).</param>
public sealed record EditionDiffView(
    string From, string To, IReadOnlyList<ItemView> AddedIndications, IReadOnlyList<ItemView> RemovedIndications,
    IReadOnlyList<ChangedItemView> ChangedIndications, IReadOnlyList<ItemView> AddedTests, IReadOnlyList<ItemView> RemovedTests,
    IReadOnlyList<ChangedItemView> ChangedTests, IReadOnlyList<ItemView> NoteDisagreements);

/// <summary>A whole edition: its indications and tests (targets as stored, genes not resolved).</summary>
/// <param name="Edition">The edition.</param>
/// <param name="Indications">Its indications in published order, each with its tests.</param>
public sealed record EditionContentView(EditionView Edition, IReadOnlyList<IndicationView> Indications);
