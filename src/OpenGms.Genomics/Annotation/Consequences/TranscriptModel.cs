using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Hgvs;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>
/// A transcript with its spliced sequence in transcript orientation, built once per transcript and reused for
/// every variant that hits it. Indexes named <c>cdna</c> are 0-based positions in the spliced transcript.
/// </summary>
internal sealed class TranscriptModel
{
    private readonly int[] _txStarts; // exon genomic starts in transcript order
    private readonly int[] _txEnds;
    private readonly int[] _offsets; // cdna index of each exon's first base (transcript order)
    private string? _proteinPrefix;

    public TranscriptModel(Transcript transcript, GenomeSequence sequence)
    {
        Transcript = transcript;
        Mitochondrial = GeneticCode.IsMitochondrial(transcript.Chromosome);
        int n = transcript.ExonCount;
        _txStarts = new int[n];
        _txEnds = new int[n];
        _offsets = new int[n];
        int offset = 0;
        for (int i = 0; i < n; i++)
        {
            int g = transcript.Strand == Strand.Forward ? i : n - 1 - i;
            _txStarts[i] = transcript.ExonStarts[g];
            _txEnds[i] = transcript.ExonEnds[g];
            _offsets[i] = offset;
            offset += _txEnds[i] - _txStarts[i] + 1;
        }

        byte[] cdna = new byte[offset];
        bool complete = true;
        for (int i = 0; i < n; i++)
        {
            Span<byte> piece = cdna.AsSpan(_offsets[i], _txEnds[i] - _txStarts[i] + 1);
            if (!sequence.TryRead(transcript.Chromosome, _txStarts[i], piece))
            {
                complete = false;
                break;
            }

            if (transcript.Strand == Strand.Reverse)
            {
                Nucleotides.ReverseComplementInPlace(piece);
            }
        }

        Cdna = complete ? cdna : null;
        if (transcript.IsCoding)
        {
            CdsStart = ToCdna(transcript.Strand == Strand.Forward ? transcript.CodingStart : transcript.CodingEnd);
            CdsEnd = ToCdna(transcript.Strand == Strand.Forward ? transcript.CodingEnd : transcript.CodingStart);
            Pad = (3 - transcript.StartPhase) % 3;
            if (Cdna is not null && CdsStart >= 0 && CdsEnd >= CdsStart)
            {
                RefProtein = Translate(Cdna, CdsStart, stopAtStop: true);
            }
        }
        else
        {
            CdsStart = -1;
            CdsEnd = -1;
        }
    }

    public Transcript Transcript { get; }

    /// <summary>Whether the transcript is on the mitochondrial genome, so translated with NCBI table 2.</summary>
    public bool Mitochondrial { get; }

    /// <summary>The protein accession (the transcript's when it has none) followed by <c>:p.</c>.</summary>
    public string ProteinPrefix => _proteinPrefix ??= (Transcript.ProteinId ?? Transcript.VersionedId) + ":p.";

    /// <summary>Spliced transcript sequence in transcript orientation, or null when the reference lacks a part of it.</summary>
    public byte[]? Cdna { get; }

    /// <summary>cdna index of c.1, -1 when non-coding.</summary>
    public int CdsStart { get; }

    /// <summary>cdna index of the last coding base (last base of the stop codon when present).</summary>
    public int CdsEnd { get; }

    /// <summary>Bases missing from the first codon when the CDS starts with a non-zero phase.</summary>
    public int Pad { get; }

    /// <summary>Reference protein (one-letter, ending with '*' when the stop codon is present), or null.</summary>
    public string? RefProtein { get; }

    public int ExonCount => _txStarts.Length;

    public int TxExonStart(int i) => _txStarts[i];

    public int TxExonEnd(int i) => _txEnds[i];

    /// <summary>
    /// Translates <paramref name="bases"/> from the codon frame of c.1 at <paramref name="cdsStart"/>, with the
    /// transcript's genetic code. On a complete start, a first codon that is an initiator of the code reads as Met
    /// (a mitochondrial ATT/ATA/GTG start, as Ensembl's protein sequences begin).
    /// </summary>
    public string Translate(ReadOnlySpan<byte> bases, int cdsStart, bool stopAtStop)
    {
        int first = cdsStart - Pad;
        if (first < 0)
        {
            Span<byte> padded = new byte[bases.Length - cdsStart + Pad];
            padded[..Pad].Fill((byte)'N');
            bases[cdsStart..].CopyTo(padded[Pad..]);
            return GeneticCode.TranslateAll(padded, stopAtStop, Mitochondrial);
        }

        string peptide = GeneticCode.TranslateAll(bases[first..], stopAtStop, Mitochondrial);
        if (Mitochondrial && Pad == 0 && peptide.Length > 0 && peptide[0] != 'M' && (Transcript.Tags & TranscriptTags.CdsStartIncomplete) == 0
            && GeneticCode.IsInitiator(bases.Slice(first, 3), mitochondrial: true))
        {
            peptide = string.Concat("M", peptide.AsSpan(1));
        }

        return peptide;
    }

    /// <summary>cdna index (0-based) of a genomic position, or -1 when it is not exonic.</summary>
    public int ToCdna(int genomic)
    {
        for (int i = 0; i < _txStarts.Length; i++)
        {
            if (genomic >= _txStarts[i] && genomic <= _txEnds[i])
            {
                return Transcript.Strand == Strand.Forward
                    ? _offsets[i] + (genomic - _txStarts[i])
                    : _offsets[i] + (_txEnds[i] - genomic);
            }
        }

        return -1;
    }

    /// <summary>Transcript-order exon index containing <paramref name="genomic"/>, or -1.</summary>
    public int ExonIndexOf(int genomic)
    {
        for (int i = 0; i < _txStarts.Length; i++)
        {
            if (genomic >= _txStarts[i] && genomic <= _txEnds[i])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// HGVS c./n. position of a genomic position inside the transcript span: exonic (<c>76</c>, <c>-12</c>, <c>*5</c>)
    /// or intronic relative to the nearest exon end (<c>76+2</c>, <c>77-3</c>; the middle base of an odd intron takes +).
    /// </summary>
    /// <param name="text">Receives the position.</param>
    /// <param name="genomic">Genomic position.</param>
    /// <returns>False (nothing appended) outside the transcript.</returns>
    public bool AppendPosition(StringBuilder text, int genomic)
    {
        int cdna = ToCdna(genomic);
        if (cdna >= 0)
        {
            AppendExonicPosition(text, cdna);
            return true;
        }

        for (int i = 0; i + 1 < _txStarts.Length; i++)
        {
            // Intron between transcript-order exons i and i+1.
            int upstreamDistance;
            int downstreamDistance;
            if (Transcript.Strand == Strand.Forward)
            {
                if (genomic <= _txEnds[i] || genomic >= _txStarts[i + 1])
                {
                    continue;
                }

                upstreamDistance = genomic - _txEnds[i];
                downstreamDistance = _txStarts[i + 1] - genomic;
            }
            else
            {
                if (genomic >= _txStarts[i] || genomic <= _txEnds[i + 1])
                {
                    continue;
                }

                upstreamDistance = _txStarts[i] - genomic;
                downstreamDistance = genomic - _txEnds[i + 1];
            }

            int lastOfUpstream = _offsets[i + 1] - 1;
            int firstOfDownstream = _offsets[i + 1];
            if (upstreamDistance <= downstreamDistance)
            {
                AppendExonicPosition(text, lastOfUpstream);
                text.Append('+').Append(upstreamDistance);
            }
            else
            {
                AppendExonicPosition(text, firstOfDownstream);
                text.Append('-').Append(downstreamDistance);
            }

            return true;
        }

        return false;
    }

    // Append(int) writes ASCII digits in any culture; only a negative sign could differ, and every number here is positive.
    private void AppendExonicPosition(StringBuilder text, int cdna)
    {
        if (CdsStart < 0)
        {
            text.Append(cdna + 1);
        }
        else if (cdna < CdsStart)
        {
            text.Append('-').Append(CdsStart - cdna);
        }
        else if (cdna > CdsEnd)
        {
            text.Append('*').Append(cdna - CdsEnd);
        }
        else
        {
            text.Append(cdna - CdsStart + 1);
        }
    }
}
