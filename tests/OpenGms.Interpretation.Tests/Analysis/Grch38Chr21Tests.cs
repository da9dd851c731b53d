using System.IO.Compression;
using System.Text.RegularExpressions;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Domain;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

/// <summary>
/// A spiked case on GRCh38: the Platinum Genomes NA12878 chr21 VCF with a homozygous CSTB nonsense variant, annotated
/// with the Ensembl chr21 gene model of VEP's test set on the real chr21 sequence blocks.
/// </summary>
[Collection(Grch37Group.Name)]
public sealed partial class Grch38Chr21Tests(Grch37Regions regions, ITestOutputHelper output)
{
    [Fact]
    public void Analyse_spiked_homozygous_cstb_nonsense_in_na12878_ranks_first_for_epm1_terms()
    {
        string fa = SharedData.PathOf("variants/extra/grch38-chr21/GRCh38_chr21_vep_testdb_regions.fa");
        string gff = SharedData.PathOf("variants/gene-models/ensembl-vep/custom/test.gff.gz");
        string na12878 = SharedData.PathOf("variants/real-vcf/platinum-genomes/PG_NA12878_hg38-chr21.vcf.gz");
        Assert.SkipWhen(regions.Scorer is null, "HPO data absent");
        AnnotationCache cache = BuildCache(regions.Root, fa, gff);

        // CSTB NM_000100 / ENST00000291568 c.202C>T p.(Arg68Ter), a progressive myoclonus epilepsy (EPM1) allele, homozygous.
        Transcript cstb = cache.Transcripts.OnChromosome("21").ToArray().First(t => t.Id == "ENST00000291568");
        int pos = CodingPosition(cstb, 202);
        Span<byte> b = stackalloc byte[1];
        Assert.True(cache.Sequence.TryRead("21", pos, b));
        Assert.Equal((byte)'G', b[0]); // c.202C on the minus strand
        string vcf = Path.Combine(regions.Root, "na12878-cstb.vcf");
        using (var input = new StreamReader(new GZipStream(File.OpenRead(na12878), CompressionMode.Decompress)))
        using (var writer = new StreamWriter(vcf))
        {
            string? line;
            while ((line = input.ReadLine()) is not null)
            {
                writer.WriteLine(line);
            }

            writer.WriteLine($"chr21\t{pos}\t.\tG\tA\t50\tPASS\t.\tGT\t1|1");
        }

        // Action myoclonus, bilateral tonic-clonic seizure, ataxia, dysarthria.
        CaseDefinition c = new("cstb-spike", "NA12878", Pedigree.Singleton("NA12878", Sex.Female), vcf, ["HP:0034360", "HP:0002069", "HP:0001251", "HP:0001260"], [], null, "GRCh38");

        Result<AnalysisResult> r = CaseAnalyser.Analyse(c, cache, new AnalysisOptions { IgnoreContigLengths = true, Phenotype = regions.Scorer }, TestContext.Current.CancellationToken);

        Assert.True(r.IsSuccess, r.Error?.ToString());
        foreach (FilterStep f in r.Value.Filters)
        {
            output.WriteLine($"{f.Step}: {f.In} -> {f.Out}");
        }

        output.WriteLine($"spiked at 21:{pos}");
        foreach (Candidate x in r.Value.Candidates.Take(5))
        {
            output.WriteLine($"{x.Rank} {x.Gene} {x.Variant} {x.HgvsP} {x.Score:0.000} {x.Explanation}");
        }

        Candidate? spiked = r.Value.Candidates.SingleOrDefault(x => x.Position == pos);
        Assert.True(spiked is not null, $"spiked 21:{pos} not a candidate; filters: {string.Join("; ", r.Value.Filters.Select(f => $"{f.Step} {f.In}->{f.Out}"))}");
        output.WriteLine($"CSTB c.202C>T rank {spiked.Rank} of {r.Value.Candidates.Count}");
        Assert.EndsWith("p.Arg68Ter", spiked.HgvsP, StringComparison.Ordinal);
        // Last exon: NMD not predicted; a third of the protein lost, so PVS1 at strong strength.
        Assert.Contains("PVS1_Strong", spiked.AcmgCriteria.Where(x => x.Met).Select(x => x.Criterion));
        Assert.Equal(1, spiked.Rank);
    }

    private static AnnotationCache BuildCache(string root, string fa, string gff)
    {
        string dir = Path.Combine(root, "grch38-chr21-cache");
        if (System.IO.Directory.Exists(dir))
        {
            return AnnotationCache.Load(dir).Value;
        }

        var blocks = new List<(int Start, string Sequence)>();
        foreach ((string header, string sequence) in Grch37Regions.ReadFasta(fa))
        {
            Match m = Block().Match(header);
            blocks.Add((int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), sequence));
        }

        bool Inside(int a, int e) => blocks.Exists(x => a >= x.Start && e < x.Start + x.Sequence.Length);
        string[] lines = ReadLines(gff).Where(l => !l.StartsWith('#')).ToArray();
        var transcripts = new HashSet<string>(StringComparer.Ordinal);
        var genes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string l in lines)
        {
            string[] f = l.Split('\t');
            if (f.Length == 9 && f[8].Contains("ID=transcript:", StringComparison.Ordinal) && f[8].Contains("Parent=gene:", StringComparison.Ordinal) && Inside(int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))
            {
                transcripts.Add(Attribute(f[8], "ID")!);
                genes.Add(Attribute(f[8], "Parent")!);
            }
        }

        string model = Path.Combine(root, "chr21.gff3");
        using (var w = new StreamWriter(model))
        {
            w.WriteLine("##gff-version 3");
            foreach (string l in lines)
            {
                string[] f = l.Split('\t');
                if (f.Length != 9)
                {
                    continue;
                }

                string? id = Attribute(f[8], "ID");
                string? parent = Attribute(f[8], "Parent");
                if ((id is not null && (genes.Contains(id) || transcripts.Contains(id))) || (parent is not null && parent.Split(',').Any(transcripts.Contains)))
                {
                    w.WriteLine(l);
                }
            }
        }

        string fasta = Path.Combine(root, "chr21.fa.gz");
        using (var file = File.Create(fasta))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        {
            // One sequence: N with every block in place, up to just past the last block.
            int length = blocks.Max(x => x.Start + x.Sequence.Length) + 100;
            var chrom = new char[length];
            Array.Fill(chrom, 'N');
            foreach ((int start, string sequence) in blocks)
            {
                sequence.CopyTo(0, chrom, start - 1, sequence.Length);
            }

            Grch37Regions.WriteChromosome(gz, "21", 1, new string(chrom), length);
        }

        GeneModel parsed = GeneModelReader.Read(model, GeneModelFormat.Gff3);
        Result<AnnotationCacheManifest> built = AnnotationCache.Build(parsed, model, GeneModelFormat.Gff3, fasta, dir, "GRCh38", false, TimeProvider.System);
        Assert.True(built.IsSuccess, built.Error?.ToString());
        return AnnotationCache.Load(dir).Value;
    }

    private static int CodingPosition(Transcript t, int c)
    {
        int remaining = c;
        for (int k = 0; k < t.ExonCount; k++)
        {
            int i = t.Strand == Strand.Forward ? k : t.ExonCount - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], t.CodingStart);
            int hi = Math.Min(t.ExonEnds[i], t.CodingEnd);
            if (lo > hi)
            {
                continue;
            }

            if (remaining <= hi - lo + 1)
            {
                return t.Strand == Strand.Forward ? lo + remaining - 1 : hi - remaining + 1;
            }

            remaining -= hi - lo + 1;
        }

        throw new InvalidOperationException("beyond the CDS");
    }

    private static IEnumerable<string> ReadLines(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            yield return line;
        }
    }

    private static string? Attribute(string attributes, string key)
    {
        foreach (string part in attributes.Split(';'))
        {
            if (part.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    [GeneratedRegex(@"21:(\d+)-(\d+)")]
    private static partial Regex Block();
}
