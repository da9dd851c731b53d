namespace OpenGms.Pharmacogenomics.Application.Matching;

/// <summary>How the matcher's names for a gene are to be read.</summary>
internal enum CallShape
{
    /// <summary>Each entry is a diplotype <c>a/b</c> (or a single haplotype for a haploid call).</summary>
    Diplotypes,

    /// <summary>
    /// Unphased lowest-function gene (DPYD, RYR1) with two or more heterozygous positions: each entry is one haplotype
    /// found in the sample (<c>(homozygous)</c> when on both strands), as PharmCAT lists them.
    /// </summary>
    HaplotypeList,
}

/// <summary>One diplotype found by the matcher with the two haplotypes it is made of and its score.</summary>
internal sealed record DiplotypeMatch(string Name, string Haplotype1, string? Haplotype2, int Score);

/// <summary>The matcher's result for one gene.</summary>
internal sealed record GeneCall(
    string Gene,
    bool Called,
    CallShape Shape,
    IReadOnlyList<DiplotypeMatch> Matches,
    IReadOnlyList<string> HaplotypeList,
    IReadOnlyList<string> MissingPositions,
    string? NotCalledReason)
{
    /// <summary>The names as PharmCAT prints them: diplotypes, or the haplotype list.</summary>
    public IReadOnlyList<string> Names => Shape == CallShape.HaplotypeList ? HaplotypeList : Matches.Select(m => m.Name).ToArray();
}

/// <summary>Matcher switches, named as PharmCAT's.</summary>
/// <param name="TopCandidateOnly">Keep only the diplotypes with the top score (ties kept).</param>
internal sealed record MatcherOptions(bool TopCandidateOnly = true)
{
    public static readonly MatcherOptions Default = new();
}
