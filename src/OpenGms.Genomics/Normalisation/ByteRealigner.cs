using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Normalisation;

/// <summary>What <see cref="ByteRealigner.TryRealign"/> decided for a biallelic record.</summary>
internal enum ByteRealignResult
{
    /// <summary>Not a plain biallelic ACGTN record whose REF matches: the caller uses the general (NormRecord) path.</summary>
    NotHandled,

    /// <summary>Already left-aligned and trimmed: the line is written as it is.</summary>
    Unchanged,

    /// <summary>Moved or trimmed: the new POS, REF and ALT are in the out parameters.</summary>
    Changed,
}

/// <summary>
/// Left-align and trim of a biallelic record on the UTF-8 bytes of REF, ALT and the reference, without strings:
/// the same algorithm and results as <see cref="Realigner"/> (oracle-tested against it in ByteRealignerOracleTests)
/// for records whose REF and ALT are ACGTN only, differ, and whose REF matches the reference. Anything else
/// (mismatches, symbolic alleles, <c>*</c>, breakends) is <see cref="ByteRealignResult.NotHandled"/> so that
/// <see cref="Realigner"/> decides it. The returned allele spans point into buffers reused by the next call.
/// </summary>
internal sealed class ByteRealigner(ReferenceGenome reference)
{
    /// <summary>Reference bases fetched per left pad (bcftools' alignment window, as <see cref="Realigner"/>).</summary>
    private const int PadWindow = 100;

    /// <summary>The bases <see cref="IupacToN"/> keeps; a span with nothing else is copied as it is (vectorised search).</summary>
    private static readonly SearchValues<byte> s_acgtn = SearchValues.Create("ACGTNacgtn"u8);

    // Each allele lives in [start, start + length) of its buffer, with room on the left for reference padding.
    private byte[] _ref = new byte[1024];
    private byte[] _alt = new byte[1024];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ByteRealignResult TryRealign(
        string chrom, long pos, ReadOnlySpan<byte> refAllele, ReadOnlySpan<byte> alt,
        out long newPos, out ReadOnlySpan<byte> newRef, out ReadOnlySpan<byte> newAlt)
    {
        newPos = pos;
        newRef = default;
        newAlt = default;
        if (refAllele.Length == 0 || alt.Length == 0 || pos < 1 || !IsAcgtn(refAllele) || !IsAcgtn(alt) || EqualsIgnoreCase(refAllele, alt))
        {
            return ByteRealignResult.NotHandled;
        }

        long pos0 = pos - 1;
        if (!reference.TryFetchRaw(chrom, pos0, pos0 + refAllele.Length, out ReadOnlySpan<byte> refRaw) || refRaw.Length != refAllele.Length)
        {
            return ByteRealignResult.NotHandled;
        }

        // Reference IUPAC codes read as N (Realigner.IupacToN); the comparison ignores case. REF is ACGTN only, so
        // when the reference stretch is too, ASCII case-insensitive equality is the same test.
        if (IsAcgtn(refRaw))
        {
            if (!Ascii.EqualsIgnoreCase(refRaw, refAllele))
            {
                return ByteRealignResult.NotHandled;
            }
        }
        else
        {
            for (int i = 0; i < refRaw.Length; i++)
            {
                if ((IupacToN(refRaw[i]) & 0xDF) != (refAllele[i] & 0xDF))
                {
                    return ByteRealignResult.NotHandled;
                }
            }
        }

        int headroom = Math.Max(PadWindow * 2, 64);
        EnsureCapacity(ref _ref, headroom + refAllele.Length);
        EnsureCapacity(ref _alt, headroom + alt.Length);
        int refStart = headroom;
        int refLength = refAllele.Length;
        int altStart = headroom;
        int altLength = alt.Length;
        ToUpper(refAllele, _ref.AsSpan(refStart));
        ToUpper(alt, _alt.AsSpan(altStart));

        // Trim from the right, padding from the left when an allele runs out.
        while (true)
        {
            if ((_ref[refStart + refLength - 1] & 0xDF) != (_alt[altStart + altLength - 1] & 0xDF))
            {
                break;
            }

            if (Math.Min(refLength, altLength) <= 1 && pos0 == 0)
            {
                break;
            }

            refLength--;
            altLength--;
            if (refLength == 0 || altLength == 0)
            {
                int npad = (int)Math.Min(PadWindow, pos0);
                if (!reference.TryFetchRaw(chrom, pos0 - npad, pos0, out ReadOnlySpan<byte> pad) || pad.Length != npad)
                {
                    return ByteRealignResult.NotHandled;
                }

                Prepend(ref _ref, ref refStart, refLength, pad);
                Prepend(ref _alt, ref altStart, altLength, pad);
                refLength += npad;
                altLength += npad;
                pos0 -= npad;
            }
        }

        // Trim from the left while both alleles keep at least one base.
        int trim = 0;
        while ((_ref[refStart + trim] & 0xDF) == (_alt[altStart + trim] & 0xDF) && Math.Min(refLength, altLength) - trim > 1)
        {
            trim++;
        }

        newPos = pos0 + trim + 1;
        newRef = _ref.AsSpan(refStart + trim, refLength - trim);
        newAlt = _alt.AsSpan(altStart + trim, altLength - trim);
        return newPos == pos && EqualsIgnoreCase(newRef, refAllele) ? ByteRealignResult.Unchanged : ByteRealignResult.Changed;
    }

    /// <summary>Puts the IUPAC-to-N mapped <paramref name="pad"/> before the allele at <paramref name="start"/>, growing the buffer when the headroom is used up.</summary>
    private static void Prepend(ref byte[] buffer, ref int start, int length, ReadOnlySpan<byte> pad)
    {
        if (start < pad.Length)
        {
            // Invariant: the allele keeps its bytes; only their offset changes.
            int headroom = Math.Max(pad.Length * 2, buffer.Length);
            byte[] grown = new byte[headroom + buffer.Length];
            buffer.AsSpan(start, length).CopyTo(grown.AsSpan(headroom));
            buffer = grown;
            start = headroom;
        }

        start -= pad.Length;
        Span<byte> target = buffer.AsSpan(start, pad.Length);
        int other = pad.IndexOfAnyExcept(s_acgtn);
        if (other < 0)
        {
            // The common case: no IUPAC codes in the window.
            pad.CopyTo(target);
            return;
        }

        pad[..other].CopyTo(target);
        for (int i = other; i < pad.Length; i++)
        {
            target[i] = IupacToN(pad[i]);
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, buffer.Length * 2)];
        }
    }

    /// <summary>A reference base as <see cref="Realigner.IupacToN"/> reads it: ACGTN in either case kept, anything else N.</summary>
    private static byte IupacToN(byte b) => (b & 0xDF) is (byte)'A' or (byte)'C' or (byte)'G' or (byte)'T' or (byte)'N' ? b : (byte)'N';

    /// <summary>True when every byte is one of ACGTNacgtn (the set <see cref="s_acgtn"/> holds).</summary>
    private static bool IsAcgtn(ReadOnlySpan<byte> allele)
    {
        if (allele.Length >= 16)
        {
            return allele.IndexOfAnyExcept(s_acgtn) < 0;
        }

        // Short alleles, the usual case: a scalar loop costs less than setting up the vector search.
        foreach (byte b in allele)
        {
            if ((b | 0x20) is not ((byte)'a' or (byte)'c' or (byte)'g' or (byte)'t' or (byte)'n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal under <c>&amp; 0xDF</c> (ASCII case folding on letters; padded reference bytes other than ACGTN keep the old comparison).</summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if ((a[i] & 0xDF) != (b[i] & 0xDF))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Upper-cases an ACGTN allele (ASCII upper case, the same as <c>&amp; 0xDF</c> on letters).</summary>
    private static void ToUpper(ReadOnlySpan<byte> source, Span<byte> target) => Ascii.ToUpper(source, target, out _);
}
