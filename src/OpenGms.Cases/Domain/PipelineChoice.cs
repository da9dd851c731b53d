namespace OpenGms.Cases.Domain;

/// <summary>Which pipelines a test needs, decided from the directory's data rather than from test codes.</summary>
public static class PipelineChoice
{
    /// <summary>The directory edition kind of rare and inherited disease tests.</summary>
    public const string RareAndInheritedKind = "rare-and-inherited";

    /// <summary>
    /// A test of a rare-and-inherited edition gets rare disease interpretation; a test with any pharmacogene among its
    /// genes (a gene the PGx definitions call) gets PGx; an explicit choice by the scientist wins over both.
    /// Returns <see cref="Pipelines.None"/> with the reason when nothing applies.
    /// </summary>
    /// <param name="editionKind">The directory edition kind of the ordered test.</param>
    /// <param name="testGenes">The genes the test covers.</param>
    /// <param name="pharmacogenes">The genes the PGx definitions call.</param>
    /// <param name="explicitChoice">The scientist's choice, if any.</param>
    public static (Pipelines Pipelines, string Reason) Decide(string? editionKind, IReadOnlyCollection<string> testGenes, IReadOnlyCollection<string> pharmacogenes, Pipelines explicitChoice)
    {
        ArgumentNullException.ThrowIfNull(testGenes);
        ArgumentNullException.ThrowIfNull(pharmacogenes);
        if (explicitChoice != Pipelines.None)
        {
            return (explicitChoice, $"chosen by the scientist when attaching the VCF ({CaseNames.Of(explicitChoice)})");
        }

        Pipelines chosen = Pipelines.None;
        var reasons = new List<string>();
        if (string.Equals(editionKind, RareAndInheritedKind, StringComparison.OrdinalIgnoreCase))
        {
            chosen |= Pipelines.RareDisease;
            reasons.Add("a rare and inherited disease test");
        }

        var pgxGenes = testGenes.Where(g => pharmacogenes.Contains(g, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (pgxGenes.Count > 0)
        {
            chosen |= Pipelines.Pgx;
            reasons.Add("targets pharmacogenes (" + string.Join(", ", pgxGenes) + ")");
        }

        return chosen == Pipelines.None
            ? (chosen, $"the test is not a rare and inherited disease test and targets no pharmacogene (edition kind '{editionKind ?? "unknown"}'): choose the pipeline when attaching")
            : (chosen, string.Join("; ", reasons));
    }
}
