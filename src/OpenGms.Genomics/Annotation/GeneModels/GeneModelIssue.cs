namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// A coded problem found in a gene-model file. Codes (tests assert on these):
/// <list type="table">
/// <item><term>ANN001</term><description>a data line without the nine tab-separated columns.</description></item>
/// <item><term>ANN002</term><description>start or end is not a positive integer.</description></item>
/// <item><term>ANN003</term><description>end is before start.</description></item>
/// <item><term>ANN004</term><description>strand is not <c>+</c>, <c>-</c>, <c>.</c> or <c>?</c>.</description></item>
/// <item><term>ANN005</term><description>phase is not 0, 1, 2 or <c>.</c> (or is missing on a CDS).</description></item>
/// <item><term>ANN006</term><description>an exon or CDS whose parent transcript is never defined, or that lacks a transcript id.</description></item>
/// <item><term>ANN007</term><description>a transcript whose exons overlap, lie on two sequences or strands, or whose CDS lies outside its exons.</description></item>
/// <item><term>ANN010</term><description>the file is not the format asked for (a GFF3 that isn't one, a GTF with GFF3 attributes).</description></item>
/// <item><term>ANN011</term><description>the file is empty or holds no transcripts.</description></item>
/// </list>
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="File">File name as given.</param>
/// <param name="Line">1-based line number (0 when the issue is about the whole file).</param>
/// <param name="Column">1-based column (GFF field number), 0 when not tied to one field.</param>
/// <param name="Message">Explanation for a person.</param>
public sealed record GeneModelIssue(string Code, string File, long Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0
        ? $"{Code} {File}:{Line}{(Column > 0 ? $" column {Column}" : string.Empty)}: {Message}"
        : $"{Code} {File}: {Message}";
}
