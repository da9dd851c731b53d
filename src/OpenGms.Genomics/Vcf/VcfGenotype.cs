using System.Runtime.CompilerServices;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// A parsed GT value (VCF 4.3 section 1.6.2): up to <see cref="MaxPloidy"/> allele indexes, each -1 when missing
/// (<c>.</c>), and whether the call is phased. Haploid (<c>1</c>), diploid (<c>0/1</c>, <c>0|1</c>), partly missing
/// (<c>./1</c>) and VCF 4.4 explicit leading phase (<c>|0</c>) are all read. A value type: parsing allocates nothing.
/// </summary>
public readonly struct VcfGenotype
{
    /// <summary>The highest ploidy this type holds.</summary>
    public const int MaxPloidy = 8;

    private readonly AlleleArray _alleles;

    private VcfGenotype(AlleleArray alleles, int ploidy, bool phased)
    {
        _alleles = alleles;
        Ploidy = ploidy;
        IsPhased = phased;
    }

    /// <summary>Number of alleles in the call (1 haploid, 2 diploid, ...).</summary>
    public int Ploidy { get; }

    /// <summary>True when every separator is <c>|</c> (a haploid call counts as phased only with an explicit leading <c>|</c>).</summary>
    public bool IsPhased { get; }

    /// <summary>The allele index at position <paramref name="i"/> (0 = REF), or -1 when missing.</summary>
    public int this[int i]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Ploidy);
            return _alleles[i];
        }
    }

    /// <summary>True when every allele is missing.</summary>
    public bool IsMissing
    {
        get
        {
            for (int i = 0; i < Ploidy; i++)
            {
                if (_alleles[i] >= 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when some allele is missing.</summary>
    public bool HasMissing
    {
        get
        {
            for (int i = 0; i < Ploidy; i++)
            {
                if (_alleles[i] < 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>True when no allele is missing and all are the same non-reference allele.</summary>
    public bool IsHomAlt => !HasMissing && _alleles[0] > 0 && AllSame;

    /// <summary>True when no allele is missing and all are the reference.</summary>
    public bool IsHomRef => !HasMissing && _alleles[0] == 0 && AllSame;

    /// <summary>True when no allele is missing and they differ.</summary>
    public bool IsHet => !HasMissing && Ploidy > 1 && !AllSame;

    /// <summary>The largest allele index called, or -1 when all are missing.</summary>
    public int MaxAllele
    {
        get
        {
            int max = -1;
            for (int i = 0; i < Ploidy; i++)
            {
                max = Math.Max(max, _alleles[i]);
            }

            return max;
        }
    }

    private bool AllSame
    {
        get
        {
            for (int i = 1; i < Ploidy; i++)
            {
                if (_alleles[i] != _alleles[0])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Parses a GT value; false when it is malformed or its ploidy exceeds <see cref="MaxPloidy"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out VcfGenotype genotype)
    {
        genotype = default;
        if (text.IsEmpty)
        {
            return false;
        }

        var alleles = default(AlleleArray);
        int ploidy = 0;
        bool phased = true;
        int p = 0;
        // VCF 4.4: a leading phasing character states the first allele's phase.
        bool explicitFirst = text[0] is (byte)'|' or (byte)'/';
        if (explicitFirst)
        {
            phased = text[0] == (byte)'|';
            p = 1;
        }

        while (true)
        {
            if (p >= text.Length || ploidy == MaxPloidy)
            {
                return false;
            }

            if (text[p] == (byte)'.')
            {
                alleles[ploidy++] = -1;
                p++;
            }
            else
            {
                int value = 0;
                int start = p;
                while (p < text.Length && (uint)(text[p] - '0') <= 9)
                {
                    value = (value * 10) + (text[p] - '0');
                    if (value > 1_000_000)
                    {
                        return false;
                    }

                    p++;
                }

                if (p == start)
                {
                    return false;
                }

                alleles[ploidy++] = value;
            }

            if (p == text.Length)
            {
                break;
            }

            byte sep = text[p++];
            if (sep == (byte)'/')
            {
                phased = false;
            }
            else if (sep != (byte)'|')
            {
                return false;
            }
        }

        if (ploidy == 1 && !explicitFirst)
        {
            phased = false;
        }

        genotype = new VcfGenotype(alleles, ploidy, phased);
        return true;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < Ploidy; i++)
        {
            if (i > 0)
            {
                sb.Append(IsPhased ? '|' : '/');
            }

            sb.Append(_alleles[i] < 0 ? "." : _alleles[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    [InlineArray(MaxPloidy)]
    private struct AlleleArray
    {
        private int _element;
    }
}
