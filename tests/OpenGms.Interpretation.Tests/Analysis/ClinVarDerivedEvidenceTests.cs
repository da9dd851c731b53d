using System.IO.Compression;
using System.Text;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

/// <summary>
/// Derived ClinVar evidence on the real FBN1 model (NM_000138.4, GRCh37): P/LP missense at nearby residues give PM1,
/// a P/LP truncating allele further 3′ makes the region an NMD-escaping frameshift removes critical (PVS1_Strong).
/// The ClinVar records are written by the test at positions chosen on the model.
/// </summary>
[Collection(Grch37Group.Name)]
public sealed class ClinVarDerivedEvidenceTests(Grch37Regions regions)
{
    private const string Pfeiffer = "variants/clinical-cases/exomiser-pfeiffer/";
    private const string Fbn1 = "NM_000138.4";

    [Theory]
    [InlineData(new[] { -3, -1, 2, 4 }, true, "PM1")]
    [InlineData(new[] { -2, 5 }, true, "PM1_Supporting")]
    [InlineData(new[] { 0, 7 }, false, "PM1")] // same residue (PM5's evidence) and one outside the window
    public void Analyse_gives_derived_pm1_for_clinvar_missense_at_nearby_residues(int[] offsets, bool met, string label)
    {
        AnnotationCache cache = regions.Cache;
        var annotator = new VariantAnnotator(cache.Transcripts, cache.Sequence);
        const int residue = 1200;
        (int pos, char reference, char alt) = Missense(cache, annotator, residue, avoid: null);
        var clinvar = new List<string>();
        int id = 900_000;
        foreach (int o in offsets)
        {
            (int p, char r, char a) = Missense(cache, annotator, residue + o, avoid: o == 0 ? alt : null);
            clinvar.Add($"15\t{p}\t{id++}\t{r}\t{a}\t.\t.\tCLNSIG=Pathogenic");
        }

        Candidate c = Run($"pm1-{string.Join('_', offsets)}", $"15\t{pos}\t.\t{reference}\t{alt}\t500\tPASS\tDP=40\tGT:GQ:DP\t0/1:99:40", clinvar, pos);

        Assert.Contains("missense_variant", c.Consequence, StringComparison.Ordinal);
        Application.Analysis.CriterionView pm1 = c.AcmgCriteria.Single(x => x.Criterion.StartsWith("PM1", StringComparison.Ordinal));
        Assert.Equal(met, pm1.Met);
        Assert.Equal(label, pm1.Criterion);
        Assert.Contains("derived", pm1.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_makes_pvs1_strong_for_an_nmd_escaping_frameshift_with_a_pathogenic_truncation_further_3_prime()
    {
        AnnotationCache cache = regions.Cache;
        Transcript t = cache.Transcripts.OnChromosome("15").ToArray().First(x => x.VersionedId == Fbn1);
        int codingLength = 0;
        for (int i = 0; i < t.ExonCount; i++)
        {
            codingLength += Math.Max(0, Math.Min(t.ExonEnds[i], t.CodingEnd) - Math.Max(t.ExonStarts[i], t.CodingStart) + 1);
        }

        // Coding bases of the last exon (transcript order); both deletions lie inside it, the ClinVar one further 3'.
        int lastIndex = t.Strand == Strand.Forward ? t.ExonCount - 1 : 0;
        int lastCoding = Math.Min(t.ExonEnds[lastIndex], t.CodingEnd) - Math.Max(t.ExonStarts[lastIndex], t.CodingStart) + 1;
        Assert.True(lastCoding > 30, $"last exon holds {lastCoding} coding bases");
        string candidate = Deletion(cache, CodingToGenomic(t, codingLength - (lastCoding * 2 / 3)), out int pos);
        string downstream = Deletion(cache, CodingToGenomic(t, codingLength - (lastCoding / 3)), out _);

        Candidate without = Run("crit-none", candidate, [], pos);
        Candidate with = Run("crit-clinvar", candidate, [downstream.Replace("\t.\t", "\t901000\t", StringComparison.Ordinal).Split("\t500\t")[0] + "\t.\t.\tCLNSIG=Likely_pathogenic"], pos);

        Assert.Contains("frameshift_variant", with.Consequence, StringComparison.Ordinal);
        Assert.Equal("PVS1_Moderate", without.AcmgCriteria.Single(x => x.Criterion.StartsWith("PVS1", StringComparison.Ordinal)).Criterion);
        Application.Analysis.CriterionView pvs1 = with.AcmgCriteria.Single(x => x.Criterion.StartsWith("PVS1", StringComparison.Ordinal));
        Assert.Equal("PVS1_Strong", pvs1.Criterion);
        Assert.Contains("901000", pvs1.Evidence, StringComparison.Ordinal);
    }

    private Candidate Run(string name, string line, List<string> clinvar, int pos)
    {
        string clinvarPath = Path.Combine(regions.Root, name + "-clinvar.vcf");
        var text = new StringBuilder("##fileformat=VCFv4.1\n##fileDate=2026-01-01\n##INFO=<ID=CLNSIG,Number=.,Type=String,Description=\"Clinical significance\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        foreach (string l in clinvar)
        {
            text.Append(l).Append('\n');
        }

        File.WriteAllText(clinvarPath, text.ToString());
        string vcf = Path.Combine(regions.Root, name + ".vcf");
        using (var input = new StreamReader(new GZipStream(File.OpenRead(SharedData.PathOf(Pfeiffer + "Pfeiffer.vcf.gz")), CompressionMode.Decompress)))
        using (var writer = new StreamWriter(vcf))
        {
            string? l;
            while ((l = input.ReadLine()) is not null)
            {
                writer.WriteLine(l);
            }

            writer.WriteLine(line);
        }

        var options = new AnalysisOptions { IgnoreContigLengths = true, ClinVar = ClinVarSource.Load(clinvarPath).Value };
        CaseDefinition c = new(name, "manuel", Pedigree.Singleton("manuel", Sex.Female), vcf, [], [], null, "GRCh37");
        AnalysisResult r = CaseAnalyser.Analyse(c, regions.Cache, options, TestContext.Current.CancellationToken).Value;
        return r.Candidates.Single(x => x.Position == pos && x.Gene == "FBN1");
    }

    /// <summary>A single-base change at the middle base of a codon of FBN1 that the annotator calls missense.</summary>
    private static (int Position, char Reference, char Alt) Missense(AnnotationCache cache, VariantAnnotator annotator, int residue, char? avoid)
    {
        Transcript t = cache.Transcripts.OnChromosome("15").ToArray().First(x => x.VersionedId == Fbn1);
        int pos = CodingToGenomic(t, ((residue - 1) * 3) + 2);
        Span<byte> b = stackalloc byte[1];
        cache.Sequence.TryRead("15", pos, b);
        char reference = (char)b[0];
        foreach (char alt in "ACGT")
        {
            if (alt == reference || alt == avoid)
            {
                continue;
            }

            TranscriptAnnotation a = annotator.Annotate("15", pos, reference.ToString(), alt.ToString()).Transcripts.First(x => x.Transcript.VersionedId == Fbn1);
            if (a.Consequences.Contains(ConsequenceTerm.MissenseVariant) && a.ProteinStart == residue)
            {
                return (pos, reference, alt);
            }
        }

        throw new InvalidOperationException($"no missense change at residue {residue}");
    }

    /// <summary>A VCF line deleting the one base at <paramref name="genomic"/> (anchor base before it).</summary>
    private static string Deletion(AnnotationCache cache, int genomic, out int pos)
    {
        pos = genomic - 1;
        Span<byte> b = stackalloc byte[2];
        cache.Sequence.TryRead("15", pos, b);
        string reference = Encoding.ASCII.GetString(b);
        return $"15\t{pos}\t.\t{reference}\t{reference[0]}\t500\tPASS\tDP=40\tGT:GQ:DP\t0/1:99:40";
    }

    private static int CodingToGenomic(Transcript t, int c)
    {
        int remaining = c;
        int n = t.ExonCount;
        for (int k = 0; k < n; k++)
        {
            int i = t.Strand == Strand.Forward ? k : n - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], t.CodingStart);
            int hi = Math.Min(t.ExonEnds[i], t.CodingEnd);
            if (lo > hi)
            {
                continue;
            }

            int len = hi - lo + 1;
            if (remaining <= len)
            {
                return t.Strand == Strand.Forward ? lo + remaining - 1 : hi - remaining + 1;
            }

            remaining -= len;
        }

        throw new InvalidOperationException("c. position beyond the CDS");
    }
}
