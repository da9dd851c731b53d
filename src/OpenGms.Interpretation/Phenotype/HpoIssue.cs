namespace OpenGms.Interpretation.Phenotype;

/// <summary>How serious an <see cref="HpoIssue"/> is.</summary>
public enum HpoIssueSeverity
{
    /// <summary>Recorded for the reader; nothing was lost (e.g. an alternative id mapped to its primary term).</summary>
    Info,

    /// <summary>A term or row was mapped or skipped; the result is still usable.</summary>
    Warning,

    /// <summary>The file or input cannot be used.</summary>
    Error,
}

/// <summary>
/// A coded problem found in HPO data or in a patient's terms. Tests and callers rely on <see cref="Code"/>,
/// never on the message text. Codes are listed in docs/phenotype-ranking.md.
/// </summary>
/// <param name="Code">A stable code such as <c>HPO011</c>.</param>
/// <param name="Severity">Info, warning or error.</param>
/// <param name="File">The file name (or <c>patient</c> for patient terms).</param>
/// <param name="Line">1-based line in <paramref name="File"/>, 0 when not line-based.</param>
/// <param name="Field">The field or column concerned (e.g. <c>hpo_id</c>, <c>is_a</c>).</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record HpoIssue(string Code, HpoIssueSeverity Severity, string File, long Line, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0
        ? $"{Code} {File}:{Line} [{Field}] {Message}"
        : $"{Code} {File} [{Field}] {Message}";
}

/// <summary>The codes of <see cref="HpoIssue"/>, in one place so that docs and tests agree.</summary>
public static class HpoIssueCodes
{
    /// <summary>No ontology file (hp.obo / hp.json, optionally gzipped) in the data directory.</summary>
    public const string OntologyMissing = "HPO001";

    /// <summary>No usable gene annotation file (genes_to_phenotype, phenotype_to_genes, or phenotype.hpoa with genes_to_disease).</summary>
    public const string AnnotationsMissing = "HPO002";

    /// <summary>The ontology file is malformed (bad id, no terms, not OBO/obographs JSON).</summary>
    public const string OntologyMalformed = "HPO003";

    /// <summary>An annotation file is malformed (no header, missing column, too few fields, bad HPO id).</summary>
    public const string AnnotationMalformed = "HPO004";

    /// <summary>An annotation names an HPO id the ontology does not have; the row is skipped.</summary>
    public const string AnnotationTermUnknown = "HPO005";

    /// <summary>An annotation names an obsolete or alternative id; it is mapped to the current term.</summary>
    public const string AnnotationTermMapped = "HPO006";

    /// <summary>An annotation names an obsolete id without replacement; the row is skipped.</summary>
    public const string AnnotationTermObsolete = "HPO007";

    /// <summary>An is_a parent is not in the ontology; the edge is dropped.</summary>
    public const string ParentUnknown = "HPO008";

    /// <summary>A patient term is not an HPO id (<c>HP:</c> and seven digits).</summary>
    public const string PatientTermMalformed = "HPO010";

    /// <summary>A patient term is not in the ontology; it is not scored.</summary>
    public const string PatientTermUnknown = "HPO011";

    /// <summary>A patient term is an alternative id; it is scored as its primary term.</summary>
    public const string PatientTermAltId = "HPO012";

    /// <summary>A patient term is obsolete and has a replacement; it is scored as the replacement.</summary>
    public const string PatientTermReplaced = "HPO013";

    /// <summary>A patient term is obsolete without replacement (candidates listed from <c>consider</c>); it is not scored.</summary>
    public const string PatientTermObsolete = "HPO014";

    /// <summary>A patient term is outside "Phenotypic abnormality" (e.g. a mode of inheritance); it is not scored.</summary>
    public const string PatientTermNotPhenotype = "HPO015";

    /// <summary>None of the patient's terms could be scored.</summary>
    public const string NoScorableTerms = "HPO016";
}
