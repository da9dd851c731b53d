using System.Globalization;
using System.IO.Compression;
using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

/// <summary>
/// Builds, once per test run, a GRCh37 annotation cache for the Pfeiffer exome from the real region data in
/// ../shared/data/variants/extra: FGFR2 (Exomiser's hg19 knownGene row; exons from the mRNA, introns N), FBN1 and CTNS
/// (RefSeq GFF3 with the hg19 region FASTA). Each chromosome is written as N up to the region end with the real bases
/// in place, so VCF positions need no shifting; contig lengths then differ from the VCF's (IgnoreContigLengths).
/// </summary>
public sealed class Grch37Regions : IDisposable
{
    private readonly Lazy<(AnnotationCache Cache, string Directory)> _cache;
    private readonly Lazy<IPhenotypeScorer?> _scorer;

    /// <summary>Creates the fixture (work happens on first use).</summary>
    public Grch37Regions()
    {
        Root = Path.Combine(Path.GetTempPath(), "gms-interp-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Root);
        _cache = new Lazy<(AnnotationCache, string)>(Build);
        _scorer = new Lazy<IPhenotypeScorer?>(() =>
        {
            string? root = SharedData.Root;
            string dir = root is null ? string.Empty : Path.Combine(root, "variants/hpo/full/hpo-2026-02-16");
            if (!System.IO.Directory.Exists(dir))
            {
                return null;
            }

            Result<HpoPhenotypeScorer> loaded = HpoPhenotypeScorer.Load(dir);
            return loaded.IsSuccess ? loaded.Value : throw new InvalidOperationException(loaded.Error!.ToString());
        });
    }

    /// <summary>Temp folder of this run.</summary>
    public string Root { get; }

    /// <summary>The cache (skips the test when the shared data is absent).</summary>
    public AnnotationCache Cache
    {
        get
        {
            SharedData.PathOf("variants/extra/grch37-fgfr2-exomiser/knownGene_hg19_exomiser_test.txt");
            SharedData.PathOf("variants/extra/grch37-fbn1/orig.gff3");
            SharedData.PathOf("variants/extra/grch37-ctns/orig.gff3");
            return _cache.Value.Cache;
        }
    }

    /// <summary>The folder the cache was written to (for code that loads a cache by path, such as the analysis job).</summary>
    public string CacheDirectory
    {
        get
        {
            _ = Cache;
            return _cache.Value.Directory;
        }
    }

    /// <summary>The HPO scorer from the full 2026-02-16 release, or null when absent.</summary>
    public IPhenotypeScorer? Scorer => _scorer.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }

    private (AnnotationCache, string) Build()
    {
        string extra = SharedData.PathOf("variants/extra");
        string gtf = Path.Combine(Root, "fgfr2.gtf");
        WriteKnownGeneGtf(Path.Combine(extra, "grch37-fgfr2-exomiser/knownGene_hg19_exomiser_test.txt"), "uc021pzz.1", "FGFR2", gtf);
        string fbn1 = Path.Combine(Root, "fbn1.gff3");
        RewriteSeqId(Path.Combine(extra, "grch37-fbn1/orig.gff3"), "15", fbn1);
        string ctns = Path.Combine(Root, "ctns.gff3");
        RewriteSeqId(Path.Combine(extra, "grch37-ctns/orig.gff3"), "17", ctns);

        var transcripts = new List<Transcript>();
        transcripts.AddRange(GeneModelReader.Read(gtf, GeneModelFormat.Gtf).Transcripts);
        transcripts.AddRange(GeneModelReader.Read(fbn1, GeneModelFormat.Gff3).Transcripts);
        transcripts.AddRange(GeneModelReader.Read(ctns, GeneModelFormat.Gff3).Transcripts);
        var model = new GeneModel(transcripts, [], 0);

        string fasta = Path.Combine(Root, "grch37-regions.fa.gz");
        using (var file = File.Create(fasta))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            (string Header, string Sequence) fgfr2 = ReadFasta(Path.Combine(extra, "grch37-fgfr2-exomiser/FGFR2_hg19_chr10_123237844-123357972.exons_only.DERIVED.fa"))[0];
            WriteChromosome(gz, "10", 123_237_844, fgfr2.Sequence, 123_400_000);
            WriteChromosome(gz, "15", 48_500_000, ReadFasta(Path.Combine(extra, "grch37-fbn1/ref.fa"))[0].Sequence, 49_000_100);
            WriteChromosome(gz, "17", 3_500_000, ReadFasta(Path.Combine(extra, "grch37-ctns/ref.fa"))[0].Sequence, 3_600_100);
        }

        string dir = Path.Combine(Root, "cache");
        Result<AnnotationCacheManifest> built = AnnotationCache.Build(model, gtf, GeneModelFormat.Gtf, fasta, dir, "GRCh37", false, TimeProvider.System);
        if (!built.IsSuccess)
        {
            throw new InvalidOperationException(built.Error!.ToString());
        }

        return (AnnotationCache.Load(dir).Value, dir);
    }

    /// <summary>Writes one knownGene row as GTF (exon, CDS without the stop codon, stop_codon), chromosome without "chr".</summary>
    internal static void WriteKnownGeneGtf(string knownGene, string id, string gene, string output)
    {
        string[] f = File.ReadLines(knownGene).First(l => l.StartsWith(id + "\t", StringComparison.Ordinal)).Split('\t');
        string chrom = f[1].Replace("chr", string.Empty, StringComparison.Ordinal);
        char strand = f[2][0];
        int cdsStart = int.Parse(f[5], CultureInfo.InvariantCulture) + 1;
        int cdsEnd = int.Parse(f[6], CultureInfo.InvariantCulture);
        int[] starts = f[8].TrimEnd(',').Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture) + 1).ToArray();
        int[] ends = f[9].TrimEnd(',').Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        (int stopStart, int stopEnd) = strand == '+' ? (cdsEnd - 2, cdsEnd) : (cdsStart, cdsStart + 2);
        int codingLo = strand == '+' ? cdsStart : cdsStart + 3;
        int codingHi = strand == '+' ? cdsEnd - 3 : cdsEnd;
        string attrs = $"gene_id \"{gene}\"; transcript_id \"{id}\"; gene_name \"{gene}\"; transcript_biotype \"protein_coding\"; tag \"Ensembl_canonical\";";
        var sb = new StringBuilder();
        for (int i = 0; i < starts.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{chrom}\tknownGene\texon\t{starts[i]}\t{ends[i]}\t.\t{strand}\t.\t{attrs}\n");
            int lo = Math.Max(starts[i], codingLo);
            int hi = Math.Min(ends[i], codingHi);
            if (lo <= hi)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{chrom}\tknownGene\tCDS\t{lo}\t{hi}\t.\t{strand}\t.\t{attrs}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"{chrom}\tknownGene\tstop_codon\t{stopStart}\t{stopEnd}\t.\t{strand}\t.\t{attrs}\n");
        File.WriteAllText(output, sb.ToString());
    }

    private static void RewriteSeqId(string gff3, string seqId, string output)
    {
        var sb = new StringBuilder();
        foreach (string line in File.ReadLines(gff3))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            sb.Append(line.StartsWith('#') || tab < 0 ? line : seqId + line[tab..]).Append('\n');
        }

        File.WriteAllText(output, sb.ToString());
    }

    internal static List<(string Header, string Sequence)> ReadFasta(string path)
    {
        var result = new List<(string, string)>();
        string? header = null;
        var seq = new StringBuilder();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('>'))
            {
                if (header is not null)
                {
                    result.Add((header, seq.ToString()));
                }

                header = line[1..];
                seq.Clear();
            }
            else
            {
                seq.Append(line.Trim().ToUpperInvariant());
            }
        }

        if (header is not null)
        {
            result.Add((header, seq.ToString()));
        }

        return result;
    }

    /// <summary>Writes <paramref name="name"/> as N up to <paramref name="start"/>, then the sequence, then N to <paramref name="length"/>.</summary>
    internal static void WriteChromosome(Stream output, string name, int start, string sequence, int length)
    {
        var line = new byte[61];
        line[60] = (byte)'\n';
        output.Write(Encoding.ASCII.GetBytes(">" + name + "\n"));
        int pos = 1;
        int col = 0;
        var buffer = new byte[1 << 16];
        int used = 0;
        while (pos <= length)
        {
            int offset = pos - start;
            byte b = offset >= 0 && offset < sequence.Length ? (byte)sequence[offset] : (byte)'N';
            buffer[used++] = b;
            if (++col == 60)
            {
                buffer[used++] = (byte)'\n';
                col = 0;
            }

            if (used >= buffer.Length - 2)
            {
                output.Write(buffer, 0, used);
                used = 0;
            }

            pos++;
        }

        if (col > 0)
        {
            buffer[used++] = (byte)'\n';
        }

        output.Write(buffer, 0, used);
    }
}

/// <summary>Shares one <see cref="Grch37Regions"/> across the test classes that use it.</summary>
[CollectionDefinition(Name)]
public sealed class Grch37Group : ICollectionFixture<Grch37Regions>
{
    /// <summary>The collection name.</summary>
    public const string Name = "GRCh37 regions";
}
