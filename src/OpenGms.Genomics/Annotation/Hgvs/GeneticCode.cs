namespace OpenGms.Genomics.Annotation.Hgvs;

/// <summary>The standard genetic code (NCBI table 1) and amino-acid names for HGVS p. notation.</summary>
public static class GeneticCode
{
    // Amino acids for codons in TCAG order (NCBI table 1): index = 16*first + 4*second + third with T=0, C=1, A=2, G=3.
    private const string Table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    private static readonly string[] s_threeLetter = BuildThreeLetter();

    /// <summary>Translates one codon; 'X' when it contains a base other than A, C, G, T.</summary>
    /// <param name="codon">Three bases.</param>
    /// <returns>The one-letter amino acid, '*' for a stop.</returns>
    public static char Translate(ReadOnlySpan<byte> codon)
    {
        ReadOnlySpan<sbyte> codes = Codes;
        int a = codes[codon[0]];
        int b = codes[codon[1]];
        int c = codes[codon[2]];
        return (a | b | c) < 0 ? 'X' : Table[(a * 16) + (b * 4) + c];
    }

    /// <summary>Translates whole codons from the start of <paramref name="bases"/>, stopping after the first stop codon.</summary>
    /// <param name="bases">Coding bases.</param>
    /// <param name="stopAtStop">Stop at (and include) the first stop codon.</param>
    /// <returns>One-letter peptide.</returns>
    public static string TranslateAll(ReadOnlySpan<byte> bases, bool stopAtStop)
    {
        var chars = new char[bases.Length / 3];
        int n = 0;
        for (int i = 0; i + 3 <= bases.Length; i += 3)
        {
            char aa = Translate(bases.Slice(i, 3));
            chars[n++] = aa;
            if (aa == '*' && stopAtStop)
            {
                break;
            }
        }

        return new string(chars, 0, n);
    }

    /// <summary>The three-letter code (Ter for stop, Xaa for unknown).</summary>
    /// <param name="aa">One-letter code.</param>
    /// <returns>Three-letter code.</returns>
    public static string ThreeLetter(char aa) => aa is >= 'A' and <= 'Z' ? s_threeLetter[aa - 'A'] : aa == '*' ? "Ter" : "Xaa";

    /// <summary>A peptide in three-letter codes.</summary>
    /// <param name="peptide">One-letter peptide.</param>
    /// <returns>For example <c>GlnSer</c>.</returns>
    public static string ThreeLetter(ReadOnlySpan<char> peptide)
    {
        var builder = new System.Text.StringBuilder(peptide.Length * 3);
        foreach (char c in peptide)
        {
            builder.Append(ThreeLetter(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Base to TCAG index (T/U=0, C=1, A=2, G=3, either case), -1 for anything else: a table lookup per base rather
    /// than a branch chain (translation runs for every coding variant). Checked against the branches by a test.
    /// </summary>
    private static ReadOnlySpan<sbyte> Codes =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 2, -1, 1, -1, -1, -1, 3, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 2, -1, 1, -1, -1, -1, 3, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ];

    private static string[] BuildThreeLetter()
    {
        string[] names = new string[26];
        Array.Fill(names, "Xaa");
        (char One, string Three)[] pairs =
        [
            ('A', "Ala"), ('R', "Arg"), ('N', "Asn"), ('D', "Asp"), ('C', "Cys"), ('Q', "Gln"), ('E', "Glu"), ('G', "Gly"),
            ('H', "His"), ('I', "Ile"), ('L', "Leu"), ('K', "Lys"), ('M', "Met"), ('F', "Phe"), ('P', "Pro"), ('S', "Ser"),
            ('T', "Thr"), ('W', "Trp"), ('Y', "Tyr"), ('V', "Val"), ('U', "Sec"), ('O', "Pyl"),
        ];
        foreach ((char one, string three) in pairs)
        {
            names[one - 'A'] = three;
        }

        return names;
    }
}
