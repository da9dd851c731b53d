using System.Text;
using OpenGms.Genomics.Annotation;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// <c>gms annotate</c> annotates batches on worker threads; the output must be byte for byte what one thread writes
/// (the oracle), on real sequence and a real RefSeq model (FBN1, GRCh37 excerpt), over several batches.
/// </summary>
public sealed class ParallelAnnotationTests
{
    [Theory]
    [InlineData(AnnotationOutputFormat.Vcf)]
    [InlineData(AnnotationOutputFormat.Json)]
    public void Run_with_worker_threads_writes_what_one_thread_writes(AnnotationOutputFormat format)
    {
        string gff = SharedData.PathOf("variants/extra/grch37-fbn1/transcript.gff3");
        string fasta = SharedData.PathOf("variants/extra/grch37-fbn1/ref.fa");
        using var temp = new TempDirectory();
        GeneModel model = GeneModelReader.Read(gff, GeneModelFormat.Gff3);
        AnnotationCache.Build(model, gff, GeneModelFormat.Gff3, fasta, temp.File("cache"), "GRCh37", false, TimeProvider.System).Value.ToString();
        AnnotationCache cache = AnnotationCache.Load(temp.File("cache")).Value;
        string sequence = string.Concat(File.ReadLines(fasta).Skip(1)).ToUpperInvariant();
        string vcf = temp.File("in.vcf");
        File.WriteAllText(vcf, FbnVariants.Random(sequence, 7000, seed: 11));

        Assert.Equal(Annotate(cache, vcf, format, 1), Annotate(cache, vcf, format, 2));
        Assert.Equal(Annotate(cache, vcf, format, 1), Annotate(cache, vcf, format, 3));
    }

    private static string Annotate(AnnotationCache cache, string vcf, AnnotationOutputFormat format, int threads)
    {
        using VcfReader reader = VcfReader.Open(vcf);
        using var output = new MemoryStream();
        AnnotationSummary summary = new VcfAnnotator(cache) { Parallelism = threads }.Run(reader, output, format, null, CancellationToken.None);
        Assert.Equal(7000, summary.Records);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
