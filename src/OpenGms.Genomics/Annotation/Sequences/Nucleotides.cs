namespace OpenGms.Genomics.Annotation.Sequences;

/// <summary>Small helpers for DNA bases (upper-case ASCII).</summary>
public static class Nucleotides
{
    /// <summary>The complement of one base (IUPAC-aware for the common codes; N stays N).</summary>
    /// <param name="b">A base.</param>
    /// <returns>Its complement.</returns>
    public static byte Complement(byte b) => s_complement[b];

    /// <summary>Complement of every byte value (a table: reverse-complementing runs per variant and per transcript).</summary>
    private static readonly byte[] s_complement = BuildComplementTable();

    private static byte[] BuildComplementTable()
    {
        byte[] table = new byte[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = ComplementBySwitch((byte)i);
        }

        return table;
    }

    /// <summary>The complement rules the table is built from.</summary>
    internal static byte ComplementBySwitch(byte b) => b switch
    {
        (byte)'A' => (byte)'T',
        (byte)'C' => (byte)'G',
        (byte)'G' => (byte)'C',
        (byte)'T' => (byte)'A',
        (byte)'a' => (byte)'t',
        (byte)'c' => (byte)'g',
        (byte)'g' => (byte)'c',
        (byte)'t' => (byte)'a',
        (byte)'R' => (byte)'Y',
        (byte)'Y' => (byte)'R',
        (byte)'K' => (byte)'M',
        (byte)'M' => (byte)'K',
        _ => b,
    };

    /// <summary>Reverse-complements in place.</summary>
    /// <param name="bases">The bases.</param>
    public static void ReverseComplementInPlace(Span<byte> bases)
    {
        bases.Reverse();
        for (int i = 0; i < bases.Length; i++)
        {
            bases[i] = Complement(bases[i]);
        }
    }

    /// <summary>Reverse complement of a string of bases.</summary>
    /// <param name="bases">The bases.</param>
    /// <returns>The reverse complement.</returns>
    public static string ReverseComplement(string bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        char[] chars = new char[bases.Length];
        for (int i = 0; i < bases.Length; i++)
        {
            chars[bases.Length - 1 - i] = (char)Complement((byte)bases[i]);
        }

        return new string(chars);
    }
}
