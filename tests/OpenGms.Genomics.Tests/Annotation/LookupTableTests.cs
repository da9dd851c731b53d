using OpenGms.Genomics.Annotation.Hgvs;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>The codon and complement lookup tables against the rules they encode (oracle tests over every input).</summary>
public sealed class LookupTableTests
{
    [Fact]
    public void Complement_table_matches_the_rules_for_every_byte()
    {
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(Nucleotides.ComplementBySwitch((byte)b), Nucleotides.Complement((byte)b));
        }
    }

    [Fact]
    public void Translate_table_matches_the_standard_code_for_every_byte_triple_of_interest()
    {
        // NCBI table 1 in TCAG order; U reads as T and lower case as upper case; anything else gives X.
        const string Table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
        byte[] bases = "TCAGUtcaguNn-*"u8.ToArray();
        foreach (byte a in bases)
        {
            foreach (byte b in bases)
            {
                foreach (byte c in bases)
                {
                    int ia = Index(a);
                    int ib = Index(b);
                    int ic = Index(c);
                    char expected = (ia | ib | ic) < 0 ? 'X' : Table[(ia * 16) + (ib * 4) + ic];
                    Assert.Equal(expected, GeneticCode.Translate([a, b, c]));
                }
            }
        }
    }

    private static int Index(byte b) => char.ToUpperInvariant((char)b) switch
    {
        'T' or 'U' => 0,
        'C' => 1,
        'A' => 2,
        'G' => 3,
        _ => -1,
    };
}
