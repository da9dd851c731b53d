namespace OpenGms.Genomics.Annotation.Hgvs;

/// <summary>
/// The standard genetic code (NCBI table 1), the vertebrate mitochondrial code (NCBI table 2, used for transcripts on
/// the mitochondrial genome, as Ensembl and VEP do) and amino-acid names for HGVS p. notation.
/// </summary>
public static class GeneticCode
{
    // Amino acids for codons in TCAG order: index = 16*first + 4*second + third with T=0, C=1, A=2, G=3.
    private const string Table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    // NCBI table 2: TGA is Trp, ATA is Met, AGA and AGG are stops.
    private const string MitochondrialTable = "FFLLSSSSYY**CCWWLLLLPPPPHHQQRRRRIIMMTTTTNNKKSS**VVVVAAAADDEEGGGG";

    private static readonly string[] s_threeLetter = BuildThreeLetter();

    /// <summary>Translates one codon with the standard code; 'X' when it contains a base other than A, C, G, T.</summary>
    /// <param name="codon">Three bases.</param>
    /// <returns>The one-letter amino acid, '*' for a stop.</returns>
    public static char Translate(ReadOnlySpan<byte> codon) => Translate(codon, mitochondrial: false);

    /// <summary>Translates one codon; 'X' when it contains a base other than A, C, G, T.</summary>
    /// <param name="codon">Three bases.</param>
    /// <param name="mitochondrial">Use the vertebrate mitochondrial code (NCBI table 2).</param>
    /// <returns>The one-letter amino acid, '*' for a stop.</returns>
    public static char Translate(ReadOnlySpan<byte> codon, bool mitochondrial)
    {
        ReadOnlySpan<sbyte> codes = Codes;
        int a = codes[codon[0]];
        int b = codes[codon[1]];
        int c = codes[codon[2]];
        return (a | b | c) < 0 ? 'X' : (mitochondrial ? MitochondrialTable : Table)[(a * 16) + (b * 4) + c];
    }

    /// <summary>
    /// Whether a codon starts translation as methionine in the code: ATG in the standard code (as Ensembl translates
    /// nuclear transcripts); ATT, ATC, ATA, ATG and GTG in the vertebrate mitochondrial code (MT-ND2 starts with ATT,
    /// MT-ND1 and MT-ND5 with ATA).
    /// </summary>
    /// <param name="codon">Three bases.</param>
    /// <param name="mitochondrial">Use the vertebrate mitochondrial code.</param>
    /// <returns>True for an initiator codon.</returns>
    public static bool IsInitiator(ReadOnlySpan<byte> codon, bool mitochondrial)
    {
        ReadOnlySpan<sbyte> codes = Codes;
        int a = codes[codon[0]];
        int b = codes[codon[1]];
        int c = codes[codon[2]];
        if ((a | b | c) < 0)
        {
            return false;
        }

        // A=2, T=0, G=3: ATG is (2, 0, 3); the mitochondrial set is AT* and GTG.
        return mitochondrial ? (b == 0 && (a == 2 || (a == 3 && c == 3))) : a == 2 && b == 0 && c == 3;
    }

    /// <summary>
    /// Whether a sequence name is the mitochondrial genome: MT, M, chrM, chrMT (any case) or the RefSeq accessions of
    /// the revised Cambridge sequence (NC_012920) and of hg19's chrM (NC_001807).
    /// </summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <returns>True for the mitochondrial genome.</returns>
    public static bool IsMitochondrial(string chromosome)
    {
        ArgumentNullException.ThrowIfNull(chromosome);
        ReadOnlySpan<char> name = chromosome.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? chromosome.AsSpan(3) : chromosome;
        return name.Equals("MT", StringComparison.OrdinalIgnoreCase) || name.Equals("M", StringComparison.OrdinalIgnoreCase)
            || chromosome.StartsWith("NC_012920", StringComparison.Ordinal) || chromosome.StartsWith("NC_001807", StringComparison.Ordinal);
    }

    /// <summary>Translates whole codons with the standard code, stopping after the first stop codon when asked.</summary>
    /// <param name="bases">Coding bases.</param>
    /// <param name="stopAtStop">Stop at (and include) the first stop codon.</param>
    /// <returns>One-letter peptide.</returns>
    public static string TranslateAll(ReadOnlySpan<byte> bases, bool stopAtStop) => TranslateAll(bases, stopAtStop, mitochondrial: false);

    /// <summary>Translates whole codons from the start of <paramref name="bases"/>, stopping after the first stop codon when asked.</summary>
    /// <param name="bases">Coding bases.</param>
    /// <param name="stopAtStop">Stop at (and include) the first stop codon.</param>
    /// <param name="mitochondrial">Use the vertebrate mitochondrial code (NCBI table 2).</param>
    /// <returns>One-letter peptide.</returns>
    public static string TranslateAll(ReadOnlySpan<byte> bases, bool stopAtStop, bool mitochondrial)
    {
        var chars = new char[bases.Length / 3];
        int n = 0;
        for (int i = 0; i + 3 <= bases.Length; i += 3)
        {
            char aa = Translate(bases.Slice(i, 3), mitochondrial);
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
