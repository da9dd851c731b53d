namespace OpenGms.Interpretation.Phenotype;

/// <summary>How well one gene's known phenotypes match the patient's HPO terms.</summary>
/// <param name="Gene">HGNC symbol.</param>
/// <param name="Score">Similarity, 0 (no match) to 1 (best match seen for this patient); comparable within one case.</param>
/// <param name="RawScore">The unscaled similarity (e.g. Resnik best-match average, in nats).</param>
/// <param name="Explanation">The best-matching pairs, patient term to gene term via their shared ancestor, for a reader.</param>
public sealed record GenePhenotypeScore(string Gene, double Score, double RawScore, string Explanation);

/// <summary>Scores genes by the semantic similarity of their annotated phenotypes to a patient's HPO terms.</summary>
public interface IPhenotypeScorer
{
    /// <summary>The data versions used (ontology release, annotation release), for reports.</summary>
    string DataVersion { get; }

    /// <summary>Scores every annotated gene against <paramref name="patientTerms"/> (HPO ids such as <c>HP:0001156</c>).</summary>
    IReadOnlyDictionary<string, GenePhenotypeScore> ScoreGenes(IReadOnlyList<string> patientTerms);
}
