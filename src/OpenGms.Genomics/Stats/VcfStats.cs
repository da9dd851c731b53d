using System.Text;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Stats;

/// <summary>Summary counts of a VCF: variant types, transitions/transversions, genotype zygosity and records per contig.</summary>
public sealed class VcfStats
{
    /// <summary>Records read.</summary>
    public long Records { get; private set; }

    /// <summary>Samples in the header.</summary>
    public int Samples { get; private set; }

    /// <summary>ALT alleles by kind.</summary>
    public Dictionary<string, long> VariantTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>SNV alleles that are transitions (A&lt;-&gt;G, C&lt;-&gt;T).</summary>
    public long Transitions { get; private set; }

    /// <summary>SNV alleles that are transversions.</summary>
    public long Transversions { get; private set; }

    /// <summary>Homozygous-reference genotypes over all samples.</summary>
    public long HomRef { get; private set; }

    /// <summary>Heterozygous genotypes.</summary>
    public long Het { get; private set; }

    /// <summary>Homozygous-alternate genotypes.</summary>
    public long HomAlt { get; private set; }

    /// <summary>Genotypes with a missing allele (or no GT).</summary>
    public long Missing { get; private set; }

    /// <summary>Records per contig, in file order.</summary>
    public Dictionary<string, long> Contigs { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="path"/> once and counts.</summary>
    public static VcfStats Compute(string path, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using VcfReader reader = VcfReader.Open(path);
        var stats = new VcfStats { Samples = reader.Header.Samples.Count };
        long[] types = new long[Enum.GetValues<VcfVariantType>().Length];
        byte[] lastChrom = [];
        string lastName = string.Empty;
        long contigCount = 0;
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            stats.Records++;
            if ((stats.Records & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(stats.Records);
            }

            if (!r.Chrom.SequenceEqual(lastChrom))
            {
                if (contigCount > 0)
                {
                    stats.Contigs[lastName] = stats.Contigs.GetValueOrDefault(lastName) + contigCount;
                }

                lastChrom = r.Chrom.ToArray();
                lastName = Encoding.UTF8.GetString(lastChrom);
                contigCount = 0;
            }

            contigCount++;
            ReadOnlySpan<byte> reference = r.Ref;
            foreach (ReadOnlySpan<byte> alt in r.Alts)
            {
                VcfVariantType type = VcfAlleles.Classify(reference, alt);
                types[(int)type]++;
                if (type == VcfVariantType.Snv && alt.Length == 1 && reference.Length == 1)
                {
                    if (VcfAlleles.IsTransition(reference[0], alt[0]))
                    {
                        stats.Transitions++;
                    }
                    else
                    {
                        stats.Transversions++;
                    }
                }
            }

            int samples = r.SampleCount;
            for (int s = 0; s < samples; s++)
            {
                if (!r.TryGetGenotype(s, out VcfGenotype gt) || gt.HasMissing)
                {
                    stats.Missing++;
                }
                else if (gt.IsHet)
                {
                    stats.Het++;
                }
                else if (gt.IsHomRef)
                {
                    stats.HomRef++;
                }
                else
                {
                    stats.HomAlt++;
                }
            }
        }

        if (contigCount > 0)
        {
            stats.Contigs[lastName] = stats.Contigs.GetValueOrDefault(lastName) + contigCount;
        }

        for (int i = 0; i < types.Length; i++)
        {
            if (types[i] > 0)
            {
                stats.VariantTypes[((VcfVariantType)i).ToString()] = types[i];
            }
        }

        return stats;
    }
}
