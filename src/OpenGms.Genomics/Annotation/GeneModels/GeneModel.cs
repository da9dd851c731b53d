namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>The transcripts read from one gene-model file, with the issues found while reading it.</summary>
public sealed class GeneModel
{
    /// <summary>Creates a gene model.</summary>
    /// <param name="transcripts">Transcripts, in any order.</param>
    /// <param name="issues">Problems found; lines with an issue were skipped.</param>
    /// <param name="linesRead">Data lines read.</param>
    public GeneModel(IReadOnlyList<Transcript> transcripts, IReadOnlyList<GeneModelIssue> issues, long linesRead)
    {
        Transcripts = transcripts;
        Issues = issues;
        LinesRead = linesRead;
    }

    /// <summary>Transcripts.</summary>
    public IReadOnlyList<Transcript> Transcripts { get; }

    /// <summary>Problems found (each skipped line is counted here).</summary>
    public IReadOnlyList<GeneModelIssue> Issues { get; }

    /// <summary>Data (non-comment) lines read.</summary>
    public long LinesRead { get; }
}
