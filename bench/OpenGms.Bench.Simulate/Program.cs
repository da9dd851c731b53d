using System.Globalization;
using System.Text;
using OpenGms.Genomics.Bgzf;

// Simulates benchmark inputs (issue 3): a GRCh38-sized reference with repeats, a single-sample WGS VCF with
// GATK-style INFO/FORMAT fields whose REF alleles match the reference, and a 1,000-sample cohort VCF of one
// chromosome arm. --scale shrinks everything proportionally (1 = full size: 3.1 Gb reference, ~4.6 M records).
// Usage: OpenGms.Bench.Simulate OUT_DIR [--scale 1] [--seed 42] [--samples 1000]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: OpenGms.Bench.Simulate OUT_DIR [--scale S] [--seed N] [--samples N]");
    return 2;
}

string outDir = args[0];
double scale = 1;
int seed = 42;
int cohortSamples = 1000;
for (int i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--scale":
            scale = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--samples":
            cohortSamples = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
    }
}

System.IO.Directory.CreateDirectory(outDir);
// GRCh38 primary chromosome lengths.
(string Name, long Length)[] grch38 =
[
    ("chr1", 248956422), ("chr2", 242193529), ("chr3", 198295559), ("chr4", 190214555), ("chr5", 181538259),
    ("chr6", 170805979), ("chr7", 159345973), ("chr8", 145138636), ("chr9", 138394717), ("chr10", 133797422),
    ("chr11", 135086622), ("chr12", 133275309), ("chr13", 114364328), ("chr14", 107043718), ("chr15", 101991189),
    ("chr16", 90338345), ("chr17", 83257441), ("chr18", 80373285), ("chr19", 58617616), ("chr20", 64444167),
    ("chr21", 46709983), ("chr22", 50818468), ("chrX", 156040895), ("chrY", 57227415),
];
var contigs = grch38.Select(c => (c.Name, Length: Math.Max(100_000, (long)(c.Length * scale)))).ToArray();
long genome = contigs.Sum(c => c.Length);
// ~4.6 M records over 3.1 Gb: one per ~670 bases.
const double RecordsPerBase = 4.6e6 / 3.1e9;
var random = new Random(seed);

string fasta = Path.Combine(outDir, "reference.fa");
string wgs = Path.Combine(outDir, "wgs.vcf.gz");
string cohort = Path.Combine(outDir, "cohort.vcf.gz");
using var fastaOut = new StreamWriter(fasta, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
using var fai = new StreamWriter(fasta + ".fai", false, new UTF8Encoding(false)) { NewLine = "\n" };
using var wgsOut = new BgzfWriteStream(File.Create(wgs), level: 6);
WriteHeader(wgsOut, contigs, ["SAMPLE1"], gatk: true);
long records = 0;
long faOffset = 0;
byte[]? arm = null;
foreach ((string name, long length) in contigs)
{
    byte[] seq = Reference(random, length);
    fastaOut.Write('>');
    fastaOut.Write(name);
    fastaOut.Write('\n');
    faOffset += name.Length + 2;
    fai.WriteLine($"{name}\t{length}\t{faOffset}\t60\t61");
    for (long p = 0; p < length; p += 60)
    {
        int n = (int)Math.Min(60, length - p);
        fastaOut.Write(Encoding.ASCII.GetString(seq, (int)p, n));
        fastaOut.Write('\n');
        faOffset += n + 1;
    }

    records += WriteVariants(wgsOut, random, name, seq, (long)(length * RecordsPerBase), samples: 1, gatk: true);
    if (arm is null)
    {
        // The cohort covers the p-arm of the first chromosome (about the first half).
        arm = seq[..(int)(seq.Length / 2)];
    }
}

Console.Error.WriteLine($"reference {genome:N0} bases -> {fasta}; WGS {records:N0} records -> {wgs}");
string[] sampleNames = Enumerable.Range(1, cohortSamples).Select(i => $"S{i:D4}").ToArray();
using (var cohortOut = new BgzfWriteStream(File.Create(cohort), level: 6))
{
    WriteHeader(cohortOut, contigs, sampleNames, gatk: false);
    long n = WriteVariants(cohortOut, random, contigs[0].Name, arm!, (long)(arm!.Length * RecordsPerBase * 2), cohortSamples, gatk: false);
    Console.Error.WriteLine($"cohort {n:N0} records x {cohortSamples} samples -> {cohort}");
}

return 0;

static byte[] Reference(Random random, long length)
{
    var seq = new byte[length];
    ReadOnlySpan<byte> bases = "ACGT"u8;
    long p = 0;
    Span<byte> motifBuffer = stackalloc byte[4];
    while (p < length)
    {
        // Mostly random sequence, with tandem repeats (homopolymers, di/tri-nucleotide) so indels can be left-aligned.
        if (random.Next(100) < 3)
        {
            int unit = random.Next(1, 4);
            int copies = random.Next(3, 12);
            Span<byte> motif = motifBuffer[..unit];
            for (int i = 0; i < unit; i++)
            {
                motif[i] = bases[random.Next(4)];
            }

            for (int c = 0; c < copies && p < length; c++)
            {
                for (int i = 0; i < unit && p < length; i++)
                {
                    seq[p++] = motif[i];
                }
            }
        }
        else
        {
            seq[p++] = bases[random.Next(4)];
        }
    }

    return seq;
}

static void WriteHeader(Stream output, (string Name, long Length)[] contigs, string[] samples, bool gatk)
{
    var sb = new StringBuilder();
    sb.Append("##fileformat=VCFv4.2\n");
    sb.Append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
    sb.Append("##FILTER=<ID=LowQual,Description=\"Low quality\">\n");
    sb.Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
    sb.Append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth\">\n");
    if (gatk)
    {
        sb.Append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles in the order listed\">\n");
        sb.Append("##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype Quality\">\n");
        sb.Append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Normalized, Phred-scaled likelihoods for genotypes\">\n");
        foreach (string line in (string[])
        [
            "AC,A,Integer,Allele count in genotypes", "AF,A,Float,Allele Frequency", "AN,1,Integer,Total number of alleles",
            "BaseQRankSum,1,Float,Z-score from Wilcoxon rank sum test of Alt Vs. Ref base qualities", "DP,1,Integer,Approximate read depth",
            "ExcessHet,1,Float,Phred-scaled p-value for exact test of excess heterozygosity", "FS,1,Float,Phred-scaled p-value using Fisher's exact test to detect strand bias",
            "MLEAC,A,Integer,Maximum likelihood expectation (MLE) for the allele counts", "MLEAF,A,Float,Maximum likelihood expectation (MLE) for the allele frequency",
            "MQ,1,Float,RMS Mapping Quality", "MQRankSum,1,Float,Z-score From Wilcoxon rank sum test of Alt vs. Ref read mapping qualities",
            "QD,1,Float,Variant Confidence/Quality by Depth", "ReadPosRankSum,1,Float,Z-score from Wilcoxon rank sum test of Alt vs. Ref read position bias",
            "SOR,1,Float,Symmetric Odds Ratio of 2x2 contingency table to detect strand bias",
        ])
        {
            string[] f = line.Split(',', 4);
            sb.Append(CultureInfo.InvariantCulture, $"##INFO=<ID={f[0]},Number={f[1]},Type={f[2]},Description=\"{f[3]}\">\n");
        }
    }
    else
    {
        sb.Append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count in genotypes\">\n");
        sb.Append("##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles\">\n");
    }

    foreach ((string name, long length) in contigs)
    {
        sb.Append(CultureInfo.InvariantCulture, $"##contig=<ID={name},length={length}>\n");
    }

    sb.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t").Append(string.Join('\t', samples)).Append('\n');
    output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
}

static long WriteVariants(Stream output, Random random, string chrom, byte[] seq, long count, int samples, bool gatk)
{
    if (count <= 0)
    {
        return 0;
    }

    long step = Math.Max(2, seq.Length / count);
    var sb = new StringBuilder(1 << 16);
    long written = 0;
    long pos = 10;
    ReadOnlySpan<byte> bases = "ACGT"u8;
    while (pos < seq.Length - 60)
    {
        pos += 1 + random.NextInt64(2 * step - 1);
        if (pos >= seq.Length - 60)
        {
            break;
        }

        string reference;
        string alt;
        int kind = random.Next(100);
        byte refBase = seq[pos - 1];
        if (kind < 80)
        {
            byte a;
            do
            {
                a = bases[random.Next(4)];
            }
            while (a == refBase);
            reference = ((char)refBase).ToString();
            alt = ((char)a).ToString();
        }
        else if (kind < 90)
        {
            int len = random.Next(1, 8);
            reference = Encoding.ASCII.GetString(seq, (int)pos - 1, len + 1);
            alt = ((char)refBase).ToString();
        }
        else
        {
            int len = random.Next(1, 8);
            var ins = new StringBuilder().Append((char)refBase);
            for (int i = 0; i < len; i++)
            {
                ins.Append((char)bases[random.Next(4)]);
            }

            reference = ((char)refBase).ToString();
            alt = ins.ToString();
        }

        sb.Append(chrom).Append('\t').Append(pos).Append("\t.\t").Append(reference).Append('\t').Append(alt).Append('\t');
        if (gatk)
        {
            int dp = random.Next(10, 60);
            int altDepth = random.Next(2, dp);
            bool hom = random.Next(3) == 0;
            double qual = random.Next(30, 3000) + (random.Next(100) / 100.0);
            sb.Append(qual.ToString("F2", CultureInfo.InvariantCulture)).Append(qual < 50 ? "\tLowQual\t" : "\tPASS\t");
            sb.Append(CultureInfo.InvariantCulture, $"AC={(hom ? 2 : 1)};AF={(hom ? "1.00" : "0.500")};AN=2;BaseQRankSum={random.Next(-300, 300) / 100.0:F3};DP={dp};ExcessHet=3.0103;FS={random.Next(0, 2000) / 100.0:F3};MLEAC={(hom ? 2 : 1)};MLEAF={(hom ? "1.00" : "0.500")};MQ=60.00;MQRankSum={random.Next(-200, 200) / 100.0:F3};QD={random.Next(100, 3500) / 100.0:F2};ReadPosRankSum={random.Next(-200, 200) / 100.0:F3};SOR={random.Next(50, 300) / 100.0:F3}");
            sb.Append(CultureInfo.InvariantCulture, $"\tGT:AD:DP:GQ:PL\t{(hom ? "1/1" : "0/1")}:{dp - altDepth},{altDepth}:{dp}:{random.Next(20, 99)}:{(hom ? $"{random.Next(500, 2000)},{random.Next(60, 200)},0" : $"{random.Next(100, 900)},0,{random.Next(100, 900)}")}");
        }
        else
        {
            var gts = new StringBuilder(samples * 8);
            int ac = 0;
            for (int s = 0; s < samples; s++)
            {
                int r = random.Next(100);
                string gt = r < 70 ? "0/0" : r < 92 ? "0/1" : r < 99 ? "1/1" : "./.";
                ac += gt == "0/1" ? 1 : gt == "1/1" ? 2 : 0;
                gts.Append('\t').Append(gt).Append(':').Append(random.Next(5, 40));
            }

            sb.Append(CultureInfo.InvariantCulture, $"{random.Next(30, 999)}\tPASS\tAC={ac};AN={samples * 2}\tGT:DP").Append(gts);
        }

        sb.Append('\n');
        written++;
        if (sb.Length > 1 << 20)
        {
            output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
            sb.Clear();
        }
    }

    output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
    return written;
}
