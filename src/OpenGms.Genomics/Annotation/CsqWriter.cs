using System.Buffers;
using System.Buffers.Text;
using System.Text;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;

namespace OpenGms.Genomics.Annotation;

/// <summary>
/// Writes the value of the CSQ INFO field (<see cref="VcfAnnotator.CsqFormat"/>) as UTF-8 straight into an output
/// buffer: no intermediate strings. Columns that depend only on the transcript are encoded once per transcript
/// (<see cref="TranscriptCsqColumns"/>); consequence-set texts once per distinct set. One instance per thread.
/// </summary>
/// <remarks>
/// INFO values may not hold ',', ';', '=', '|' or white space: those (and '%') are percent-encoded, as VEP does.
/// </remarks>
internal sealed class CsqWriter
{
    private static readonly SearchValues<char> s_escaped = SearchValues.Create(",;=| \t%");

    /// <summary>The fourteen empty columns between Consequence and HGVSg of an entry with no transcript.</summary>
    private static ReadOnlySpan<byte> NoTranscriptColumns => "||||||||||||||"u8;

    private readonly Dictionary<ulong, byte[]> _terms = [];
    private readonly ByteSink _allele = new(64);
    private readonly ByteSink _hgvsG = new(128);
    private readonly ByteSink _chromosomeBytes = new(32);
    private string? _chromosome;

    /// <summary>Writes the CSQ entries of every allele, comma-separated; nothing when <paramref name="annotations"/> is empty.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="annotations">The record's alleles, in ALT order.</param>
    public void Write(ByteSink buffer, List<AlleleAnnotation> annotations)
    {
        bool first = true;
        foreach (AlleleAnnotation a in annotations)
        {
            // The allele and its HGVSg repeat in every entry of the allele: encode them once.
            _allele.Clear();
            WriteEscaped(_allele, a.Alternate);
            _allele.Write((byte)'|');
            _hgvsG.Clear();
            if (a.PendingSnv is GenomicSnv snv)
            {
                WriteSnvHgvs(_hgvsG, snv);
            }
            else
            {
                WriteEscaped(_hgvsG, a.HgvsG);
            }

            ReadOnlySpan<byte> allele = _allele.WrittenSpan;
            ReadOnlySpan<byte> hgvsG = _hgvsG.WrittenSpan;
            if (a.Transcripts.Count == 0)
            {
                Separate(buffer, ref first);
                WriteWithoutTranscript(buffer, allele, a.MostSevere, hgvsG);
                continue;
            }

            for (int i = 0; i < a.Transcripts.Count; i++)
            {
                Separate(buffer, ref first);
                buffer.Write(allele);
                WriteTranscript(buffer, a.Transcripts[i]);
                buffer.Write(hgvsG);
            }
        }
    }

    /// <summary>
    /// Writes the one CSQ entry of a substitution that touches no transcript: what <see cref="Write"/> writes for the
    /// annotation <see cref="VariantAnnotator"/> gives it, without one being made.
    /// </summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="snv">The substitution (its chromosome as the cache names it).</param>
    public void WriteIntergenicSnv(ByteSink buffer, GenomicSnv snv)
    {
        // One entry: no need to encode the allele and HGVSg aside first.
        WriteBase(buffer, snv.Alt);
        buffer.Write((byte)'|');
        WriteWithoutTranscript(buffer, [], ConsequenceTerm.IntergenicVariant, []);
        WriteSnvHgvs(buffer, snv);
    }

    private void WriteWithoutTranscript(ByteSink buffer, ReadOnlySpan<byte> allele, ConsequenceTerm term, ReadOnlySpan<byte> hgvsG)
    {
        buffer.Write(allele);
        buffer.Write(Terms(default(ConsequenceSet).With(term)));
        buffer.Write(NoTranscriptColumns);
        buffer.Write(hgvsG);
    }

    /// <summary>One base: a letter as it is, anything else percent-encoded where INFO needs it.</summary>
    private static void WriteBase(ByteSink buffer, char value)
    {
        if (char.IsAsciiLetter(value))
        {
            buffer.Write((byte)value);
        }
        else
        {
            WriteEscaped(buffer, new ReadOnlySpan<char>(in value));
        }
    }

    /// <summary><c>chrom:g.{pos}{ref}&gt;{alt}</c> (<c>m.</c> on the mitochondrial genome) without formatting a string first.</summary>
    private void WriteSnvHgvs(ByteSink buffer, GenomicSnv snv)
    {
        if (!ReferenceEquals(snv.Chromosome, _chromosome))
        {
            // Records come in runs on one chromosome: encode its name and coordinate type once per run.
            _chromosome = snv.Chromosome;
            _chromosomeBytes.Clear();
            WriteEscaped(_chromosomeBytes, snv.Chromosome);
            _chromosomeBytes.Write(Encoding.ASCII.GetBytes(GenomicSnv.Separator(snv.Chromosome)));
        }

        buffer.Write(_chromosomeBytes.WrittenSpan);
        WriteNumber(buffer, snv.Position);
        WriteBase(buffer, snv.Ref);
        buffer.Write((byte)'>');
        WriteBase(buffer, snv.Alt);
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 with the characters INFO does not allow percent-encoded.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="value">The text; null or empty writes nothing.</param>
    public static void WriteEscaped(ByteSink buffer, string? value) => WriteEscaped(buffer, value.AsSpan());

    /// <summary>Writes <paramref name="value"/> as UTF-8 with the characters INFO does not allow percent-encoded.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="value">The text.</param>
    public static void WriteEscaped(ByteSink buffer, ReadOnlySpan<char> value)
    {
        // The fields are short ASCII (HGVS, alleles, names): one pass narrows each character or percent-encodes it,
        // which costs less than searching for the escaped characters first. Other text takes the general path.
        Span<byte> span = buffer.GetSpan(value.Length * 3);
        ReadOnlySpan<byte> escape = EscapeTable;
        int n = 0;
        foreach (char c in value)
        {
            if (c >= 128)
            {
                WriteEscapedGeneral(buffer, value);
                return;
            }

            if (escape[c] != 0)
            {
                span[n] = (byte)'%';
                span[n + 1] = HexDigits[c >> 4];
                span[n + 2] = HexDigits[c & 0xF];
                n += 3;
            }
            else
            {
                span[n++] = (byte)c;
            }
        }

        buffer.Advance(n);
    }

    /// <summary>1 for the ASCII characters INFO values may not hold (see the class remarks), else 0.</summary>
    private static ReadOnlySpan<byte> EscapeTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    ];

    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    /// <summary>Any text, non-ASCII included: runs between escaped characters go through the UTF-8 encoder.</summary>
    private static void WriteEscapedGeneral(ByteSink buffer, ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> rest = value;
        while (true)
        {
            int at = rest.IndexOfAny(s_escaped);
            ReadOnlySpan<char> plain = at < 0 ? rest : rest[..at];
            if (!plain.IsEmpty)
            {
                // The escaped characters are ASCII, so a run between them never splits a surrogate pair.
                // Nearly all text is ASCII: narrow it directly, and fall back to the UTF-8 encoder for the rest.
                Span<byte> span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(plain.Length));
                if (Ascii.FromUtf16(plain, span, out int written) != OperationStatus.Done)
                {
                    written = Encoding.UTF8.GetBytes(plain, span);
                }

                buffer.Advance(written);
            }

            if (at < 0)
            {
                return;
            }

            buffer.Write(rest[at] switch
            {
                ',' => "%2C"u8,
                ';' => "%3B"u8,
                '=' => "%3D"u8,
                '|' => "%7C"u8,
                ' ' => "%20"u8,
                '\t' => "%09"u8,
                _ => "%25"u8,
            });
            rest = rest[(at + 1)..];
        }
    }

    private static void Separate(ByteSink buffer, ref bool first)
    {
        if (!first)
        {
            buffer.Write((byte)',');
        }

        first = false;
    }

    /// <summary>Consequence|SYMBOL|...|CANONICAL|, all but the allele before and the HGVSg after.</summary>
    private void WriteTranscript(ByteSink buffer, TranscriptAnnotation t)
    {
        Transcript tx = t.Transcript;
        TranscriptCsqColumns columns = tx.CsqColumns ??= new TranscriptCsqColumns(tx);
        buffer.Write(Terms(t.Consequences));
        buffer.Write(columns.Identity);
        if (t.Exon != 0)
        {
            WriteRange(buffer, t.Exon, t.ExonLast, tx.ExonCount);
        }

        buffer.Write((byte)'|');
        if (t.Intron != 0)
        {
            WriteRange(buffer, t.Intron, t.IntronLast, tx.ExonCount - 1);
        }

        buffer.Write((byte)'|');
        WriteEscaped(buffer, t.HgvsC);
        buffer.Write((byte)'|');
        WriteEscaped(buffer, t.HgvsP);
        buffer.Write((byte)'|');
        if (t.ProteinStart > 0)
        {
            WriteNumber(buffer, t.ProteinStart);
        }

        buffer.Write((byte)'|');
        WriteEscaped(buffer, t.AminoAcids);
        buffer.Write((byte)'|');
        if (t.Distance > 0)
        {
            WriteNumber(buffer, t.Distance);
        }

        buffer.Write(columns.Flags);
    }

    /// <summary>"n/total" or "low-high/total" (the exon or intron numbers hit; see <see cref="TranscriptAnnotation.ExonText"/>).</summary>
    private static void WriteRange(ByteSink buffer, int first, int last, int total)
    {
        if (last != first)
        {
            WriteNumber(buffer, Math.Min(first, last));
            buffer.Write((byte)'-');
            WriteNumber(buffer, Math.Max(first, last));
        }
        else
        {
            WriteNumber(buffer, first);
        }

        buffer.Write((byte)'/');
        WriteNumber(buffer, total);
    }

    private static void WriteNumber(ByteSink buffer, int value)
    {
        Span<byte> span = buffer.GetSpan(11);
        _ = Utf8Formatter.TryFormat(value, span, out int written);
        buffer.Advance(written);
    }

    /// <summary>The terms joined with '&amp;' as UTF-8 (few distinct sets occur, so each is encoded once).</summary>
    private byte[] Terms(ConsequenceSet set)
    {
        if (!_terms.TryGetValue(set.Bits, out byte[]? bytes))
        {
            bytes = Encoding.UTF8.GetBytes(set.ToString());
            _terms.Add(set.Bits, bytes);
        }

        return bytes;
    }
}

/// <summary>
/// The CSQ columns that depend only on the transcript, encoded once: <c>|SYMBOL|Gene|Feature|BIOTYPE|STRAND|</c>
/// and <c>|MANE_SELECT|CANONICAL|</c>. Cached on <see cref="Transcript.CsqColumns"/>.
/// </summary>
internal sealed class TranscriptCsqColumns
{
    public TranscriptCsqColumns(Transcript tx)
    {
        var identity = new ByteSink(64);
        identity.Write((byte)'|');
        CsqWriter.WriteEscaped(identity, tx.GeneName);
        identity.Write((byte)'|');
        CsqWriter.WriteEscaped(identity, tx.GeneId);
        identity.Write((byte)'|');
        CsqWriter.WriteEscaped(identity, tx.VersionedId);
        identity.Write((byte)'|');
        CsqWriter.WriteEscaped(identity, tx.Biotype);
        identity.Write(tx.Strand == Strand.Forward ? "|1|"u8 : "|-1|"u8);
        Identity = identity.WrittenSpan.ToArray();
        var flags = new ByteSink(16);
        flags.Write((byte)'|');
        if ((tx.Tags & TranscriptTags.ManeSelect) != 0)
        {
            flags.Write("YES"u8);
        }

        flags.Write((byte)'|');
        if ((tx.Tags & TranscriptTags.Canonical) != 0)
        {
            flags.Write("YES"u8);
        }

        flags.Write((byte)'|');
        Flags = flags.WrittenSpan.ToArray();
    }

    /// <summary><c>|SYMBOL|Gene|Feature|BIOTYPE|STRAND|</c>, escaped.</summary>
    public byte[] Identity { get; }

    /// <summary><c>|MANE_SELECT|CANONICAL|</c>.</summary>
    public byte[] Flags { get; }
}
