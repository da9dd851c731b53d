namespace OpenGms.Pharmacogenomics.Contracts;

/// <summary>The pharmacogenomic report of one sample, in the shape <c>gms pgx call --json</c> prints.</summary>
/// <param name="Sample">The sample id (VCF column).</param>
/// <param name="DefinitionsVersion">The allele-definition version used (PharmCAT data version, or the demo version).</param>
/// <param name="Genes">One entry per gene, alphabetical.</param>
/// <param name="Drugs">Recommendations that apply to this sample's genotype.</param>
public sealed record PgxReport(string Sample, string DefinitionsVersion, IReadOnlyList<PgxGene> Genes, IReadOnlyList<PgxDrug> Drugs);

/// <summary>A gene's call.</summary>
/// <param name="Gene">HGNC symbol.</param>
/// <param name="Called">False when no diplotype could be assigned.</param>
/// <param name="Diplotypes">Diplotypes as PharmCAT names them (<c>*1/*17</c>); ties all listed, best score first. For an unphased
/// DPYD or RYR1 sample, the haplotypes found, one per entry, as PharmCAT lists them.</param>
/// <param name="Labels">The same calls in PharmCAT's print form (<c>c.520C&gt;T (heterozygous)</c>).</param>
/// <param name="Phenotypes">Phenotype for each distinct call.</param>
/// <param name="ActivityScore">Activity score when the gene has one and the calls agree; otherwise null.</param>
/// <param name="MissingPositions">Defining positions with no data (<c>chr10:94761900</c>); they were not assumed reference.</param>
/// <param name="Source"><c>matcher</c> or <c>outside</c> (from the outside-calls file).</param>
/// <param name="Note">Why the gene was not called, or how it was called when a fallback was used.</param>
public sealed record PgxGene(
    string Gene,
    bool Called,
    IReadOnlyList<string> Diplotypes,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Phenotypes,
    string? ActivityScore,
    IReadOnlyList<string> MissingPositions,
    string Source,
    string? Note);

/// <summary>One recommendation for one drug.</summary>
/// <param name="Drug">Drug name.</param>
/// <param name="Source"><c>CPIC</c> or <c>DPWG</c>.</param>
/// <param name="Classification">Strength of the recommendation (CPIC: Strong, Moderate, Optional, No recommendation).</param>
/// <param name="Recommendation">The recommendation as plain text.</param>
/// <param name="Implications">What the genotype implies for the drug.</param>
/// <param name="Genes">The gene lookup keys the recommendation was chosen by (phenotype or activity score per gene).</param>
/// <param name="Action">Which group the report puts it in: <c>change</c>, <c>standard</c> or <c>see-guideline</c>.</param>
/// <param name="Population">The population the recommendation is for, when the guideline says.</param>
/// <param name="Guideline">The guideline's title.</param>
/// <param name="Url">Where the guideline is published.</param>
public sealed record PgxDrug(
    string Drug,
    string Source,
    string Classification,
    string Recommendation,
    IReadOnlyList<string> Implications,
    IReadOnlyDictionary<string, string> Genes,
    string Action,
    string? Population,
    string Guideline,
    string? Url);
