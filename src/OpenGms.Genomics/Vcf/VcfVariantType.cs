namespace OpenGms.Genomics.Vcf;

/// <summary>The kind of change one ALT allele makes to REF.</summary>
public enum VcfVariantType
{
    /// <summary>No ALT allele (<c>.</c>) or ALT equal to REF: a reference call.</summary>
    Reference,

    /// <summary>One base replaced by another.</summary>
    Snv,

    /// <summary>Several bases replaced, same length.</summary>
    Mnv,

    /// <summary>Bases inserted (REF is a prefix or suffix of ALT).</summary>
    Insertion,

    /// <summary>Bases deleted (ALT is a prefix or suffix of REF).</summary>
    Deletion,

    /// <summary>Lengths differ and neither is a prefix nor suffix of the other.</summary>
    Complex,

    /// <summary>A symbolic allele such as <c>&lt;DEL&gt;</c>, <c>&lt;NON_REF&gt;</c> or <c>&lt;*&gt;</c>.</summary>
    Symbolic,

    /// <summary>A breakend (VCF 4.3 section 5.4), such as <c>G]17:198982]</c> or <c>.A</c>.</summary>
    Breakend,

    /// <summary>The spanning-deletion allele <c>*</c>.</summary>
    SpanningDeletion,
}

/// <summary>Classifies ALT alleles.</summary>
public static class VcfAlleles
{
    /// <summary>The kind of change <paramref name="alt"/> makes to <paramref name="reference"/> (both UTF-8).</summary>
    public static VcfVariantType Classify(ReadOnlySpan<byte> reference, ReadOnlySpan<byte> alt)
    {
        if (alt.IsEmpty || VcfValues.IsMissing(alt))
        {
            return VcfVariantType.Reference;
        }

        if (alt[0] == (byte)'<')
        {
            return VcfVariantType.Symbolic;
        }

        if (alt.Length == 1 && alt[0] == (byte)'*')
        {
            return VcfVariantType.SpanningDeletion;
        }

        if (alt.IndexOfAny((byte)'[', (byte)']') >= 0 || (alt.Length > 1 && (alt[0] == (byte)'.' || alt[^1] == (byte)'.')))
        {
            return VcfVariantType.Breakend;
        }

        if (alt.Length == reference.Length)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(alt, reference))
            {
                return VcfVariantType.Reference;
            }

            int diff = 0;
            for (int i = 0; i < alt.Length; i++)
            {
                if ((alt[i] | 0x20) != (reference[i] | 0x20))
                {
                    diff++;
                }
            }

            return alt.Length == 1 || diff == 1 ? VcfVariantType.Snv : VcfVariantType.Mnv;
        }

        ReadOnlySpan<byte> shorter = alt.Length < reference.Length ? alt : reference;
        ReadOnlySpan<byte> longer = alt.Length < reference.Length ? reference : alt;
        bool contained = System.Text.Ascii.EqualsIgnoreCase(longer[..shorter.Length], shorter)
            || System.Text.Ascii.EqualsIgnoreCase(longer[^shorter.Length..], shorter);
        if (!contained)
        {
            return VcfVariantType.Complex;
        }

        return alt.Length > reference.Length ? VcfVariantType.Insertion : VcfVariantType.Deletion;
    }

    /// <summary>True when <paramref name="reference"/> to <paramref name="alt"/> is a transition (A&lt;-&gt;G or C&lt;-&gt;T); both single bases.</summary>
    public static bool IsTransition(byte reference, byte alt)
    {
        int r = reference | 0x20;
        int a = alt | 0x20;
        return (r == 'a' && a == 'g') || (r == 'g' && a == 'a') || (r == 'c' && a == 't') || (r == 't' && a == 'c');
    }
}
