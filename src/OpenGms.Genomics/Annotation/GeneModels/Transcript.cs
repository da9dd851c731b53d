namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// One transcript of a gene model. Coordinates are 1-based, closed, on the forward strand of <see cref="Chromosome"/>
/// (as in GFF3/GTF). Exons are stored in increasing genomic order whatever the strand.
/// </summary>
public sealed class Transcript
{
    private static int s_created;
    private readonly int[] _exonStarts;
    private readonly int[] _exonEnds;

    /// <summary>Creates a transcript; <paramref name="exonStarts"/> and <paramref name="exonEnds"/> must be sorted and not overlap.</summary>
    /// <param name="id">Transcript accession as the source spells it (Ensembl: without version).</param>
    /// <param name="version">Version of an Ensembl-style accession kept apart from <paramref name="id"/>, or null.</param>
    /// <param name="geneId">Gene identifier.</param>
    /// <param name="geneName">Gene symbol, or the gene id when the source has none.</param>
    /// <param name="biotype">Transcript biotype (Ensembl vocabulary; RefSeq mRNA is mapped to protein_coding).</param>
    /// <param name="chromosome">Sequence name as in the gene model.</param>
    /// <param name="strand">Strand.</param>
    /// <param name="exonStarts">1-based exon starts in genomic order.</param>
    /// <param name="exonEnds">1-based closed exon ends in genomic order.</param>
    /// <param name="codingStart">Lowest genomic position of the CDS (including the stop codon), or 0 for non-coding.</param>
    /// <param name="codingEnd">Highest genomic position of the CDS (including the stop codon), or 0 for non-coding.</param>
    /// <param name="startPhase">Phase of the first CDS segment in transcript order (0 for a complete start codon).</param>
    /// <param name="tags">Tags.</param>
    /// <param name="proteinId">Protein accession, or null.</param>
    public Transcript(
        string id,
        string? version,
        string geneId,
        string geneName,
        string biotype,
        string chromosome,
        Strand strand,
        int[] exonStarts,
        int[] exonEnds,
        int codingStart,
        int codingEnd,
        byte startPhase,
        TranscriptTags tags,
        string? proteinId)
    {
        ArgumentNullException.ThrowIfNull(exonStarts);
        ArgumentNullException.ThrowIfNull(exonEnds);
        ArgumentOutOfRangeException.ThrowIfZero(exonStarts.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(exonEnds.Length, exonStarts.Length);
        Id = id;
        Version = version;
        GeneId = geneId;
        GeneName = geneName;
        Biotype = biotype;
        Chromosome = chromosome;
        Strand = strand;
        _exonStarts = exonStarts;
        _exonEnds = exonEnds;
        CodingStart = codingStart;
        CodingEnd = codingEnd;
        StartPhase = startPhase;
        Tags = tags;
        ProteinId = proteinId;
        Start = exonStarts[0];
        End = exonEnds[^1];
        int length = 0;
        for (int i = 0; i < exonStarts.Length; i++)
        {
            length += exonEnds[i] - exonStarts[i] + 1;
        }

        SplicedLength = length;
    }

    /// <summary>Transcript accession.</summary>
    public string Id { get; }

    /// <summary>Version kept apart from <see cref="Id"/> (Ensembl), or null.</summary>
    public string? Version { get; }

    /// <summary><see cref="Id"/> with its version, as HGVS names it.</summary>
    public string VersionedId => Version is null ? Id : Id + "." + Version;

    /// <summary>Gene identifier.</summary>
    public string GeneId { get; }

    /// <summary>Gene symbol.</summary>
    public string GeneName { get; }

    /// <summary>Transcript biotype.</summary>
    public string Biotype { get; }

    /// <summary>Sequence name.</summary>
    public string Chromosome { get; }

    /// <summary>Strand.</summary>
    public Strand Strand { get; }

    /// <summary>First base (1-based) of the first exon in genomic order.</summary>
    public int Start { get; }

    /// <summary>Last base (1-based, closed) of the last exon in genomic order.</summary>
    public int End { get; }

    /// <summary>Lowest genomic position of the coding region (stop codon included), 0 when non-coding.</summary>
    public int CodingStart { get; }

    /// <summary>Highest genomic position of the coding region (stop codon included), 0 when non-coding.</summary>
    public int CodingEnd { get; }

    /// <summary>GFF phase of the first coding base in transcript order.</summary>
    public byte StartPhase { get; }

    /// <summary>Tags.</summary>
    public TranscriptTags Tags { get; }

    /// <summary>Protein accession, if any.</summary>
    public string? ProteinId { get; }

    /// <summary>True when the transcript has a coding region.</summary>
    public bool IsCoding => CodingStart > 0;

    /// <summary>Number of exons.</summary>
    public int ExonCount => _exonStarts.Length;

    /// <summary>Sum of exon lengths.</summary>
    public int SplicedLength { get; }

    /// <summary>Exon starts in genomic order (1-based).</summary>
    public ReadOnlySpan<int> ExonStarts => _exonStarts;

    /// <summary>Exon ends in genomic order (1-based, closed).</summary>
    public ReadOnlySpan<int> ExonEnds => _exonEnds;

    /// <summary>
    /// A number unique to this instance in the process, used as its hash code by per-transcript caches: the object's
    /// identity hash (RuntimeHelpers.GetHashCode) cost a tenth of annotation time in a profile.
    /// </summary>
    internal int Serial { get; } = Interlocked.Increment(ref s_created);

    /// <summary>
    /// The CSQ columns that depend only on this transcript, encoded once by the VCF writer. Threads may race to set
    /// it; they build equal values, and a reference assignment is atomic, so no lock is needed.
    /// </summary>
    internal TranscriptCsqColumns? CsqColumns { get; set; }

    /// <summary>The exon number (1-based, in transcript order) of genomic exon index <paramref name="genomicIndex"/>.</summary>
    public int ExonNumber(int genomicIndex) => Strand == Strand.Forward ? genomicIndex + 1 : _exonStarts.Length - genomicIndex;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Chromosome}:{Start}-{End}({(Strand == Strand.Forward ? '+' : '-')})";
}
