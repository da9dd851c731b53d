using System.Globalization;
using System.IO.Compression;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// A deliberately small VCF reader that feeds the matcher until the engine's reader (OpenGms.Genomics, branch
/// <c>vcf</c>) lands: plain or gzip/BGZF text, GT and PS only, and only the records at the positions asked for.
/// It does not normalise: records must already use PharmCAT's representation (<c>bcftools norm -m+ -c ws</c>).
/// Issue codes: PGX010 not a VCF, PGX011 malformed record (file:line:column), PGX012 sample not in the file.
/// </summary>
internal static class VcfGenotypeReader
{
    public static Result<IReadOnlyList<SampleGenotypes>> Read(string path, IReadOnlySet<GenomicPosition> positions, string? sampleId = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(positions);
        if (!File.Exists(path))
        {
            return Error.NotFound("PGX010", $"{path}: file not found.");
        }

        using Stream file = File.OpenRead(path);
        Stream stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        string[]? samples = null;
        SampleGenotypes[] result = [];
        int[] wanted = [];
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("#CHROM", StringComparison.Ordinal))
                {
                    string[] header = line.Split('\t');
                    samples = header.Length > 9 ? header[9..] : [];
                    if (sampleId is not null)
                    {
                        int index = Array.IndexOf(samples, sampleId);
                        if (index < 0)
                        {
                            return Error.NotFound("PGX012", $"{path}: sample {sampleId} is not in the file (samples: {string.Join(", ", samples)}).");
                        }

                        wanted = [index];
                    }
                    else
                    {
                        wanted = Enumerable.Range(0, samples.Length).ToArray();
                    }

                    result = wanted.Select(i => new SampleGenotypes(samples[i])).ToArray();
                }

                continue;
            }

            if (samples is null)
            {
                return Error.BadInput("PGX010", $"{path}:{Num(lineNumber)}: a record before the #CHROM header line; not a VCF.");
            }

            int t1 = line.IndexOf('\t', StringComparison.Ordinal);
            int t2 = t1 < 0 ? -1 : line.IndexOf('\t', t1 + 1);
            if (t2 < 0 || !int.TryParse(line.AsSpan(t1 + 1, t2 - t1 - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int pos))
            {
                return Error.BadInput("PGX011", $"{path}:{Num(lineNumber)}:{Num(t1 + 2)}: POS is not a number.");
            }

            string chromosome = GenomicPosition.NormaliseChromosome(line[..t1]);
            if (!positions.Contains(new GenomicPosition(chromosome, pos)))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length < 9 + samples.Length)
            {
                return Error.BadInput("PGX011", $"{path}:{Num(lineNumber)}: {Num(fields.Length)} columns, expected {Num(9 + samples.Length)}.");
            }

            string[] alleles = [fields[3], .. fields[4] == "." ? [] : fields[4].Split(',')];
            string[] format = fields[8].Split(':');
            int gt = Array.IndexOf(format, "GT");
            int ps = Array.IndexOf(format, "PS");
            if (gt < 0)
            {
                continue;
            }

            for (int s = 0; s < wanted.Length; s++)
            {
                string[] values = fields[9 + wanted[s]].Split(':');
                string genotype = gt < values.Length ? values[gt] : ".";
                string? phaseSet = ps >= 0 && ps < values.Length && values[ps] != "." ? values[ps] : null;
                if (!TryParseGenotype(genotype, alleles, phaseSet, out SampleAllele call))
                {
                    return Error.BadInput("PGX011", $"{path}:{Num(lineNumber)}: sample {result[s].SampleId}: GT '{genotype}' is not valid for {Num(alleles.Length)} alleles.");
                }

                // Several records at one position (split multi-allelics): a called ALT wins over a reference call.
                if (result[s].TryGet(chromosome, pos, out SampleAllele existing) && !existing.IsMissing && IsReferenceOnly(call, alleles[0]))
                {
                    continue;
                }

                result[s].Set(chromosome, pos, call);
            }
        }

        if (samples is null)
        {
            return Error.BadInput("PGX010", $"{path}: no #CHROM header line; not a VCF.");
        }

        return result;
    }

    private static bool IsReferenceOnly(SampleAllele call, string reference) =>
        (call.Allele1 is null || call.Allele1 == reference) && (call.Allele2 is null || call.Allele2 == reference);

    private static bool TryParseGenotype(string genotype, string[] alleles, string? phaseSet, out SampleAllele call)
    {
        call = default;
        int sep = genotype.AsSpan().IndexOfAny('/', '|');
        if (sep < 0)
        {
            if (!TryAllele(genotype, alleles, out string? only))
            {
                return false;
            }

            call = new SampleAllele(only, null, false, null, IsHaploid: true);
            return true;
        }

        if (!TryAllele(genotype[..sep], alleles, out string? a1) || !TryAllele(genotype[(sep + 1)..], alleles, out string? a2))
        {
            return false;
        }

        bool phased = genotype[sep] == '|';
        call = new SampleAllele(a1, a2, phased, phased ? phaseSet : null);
        return true;
    }

    private static bool TryAllele(string text, string[] alleles, out string? allele)
    {
        allele = null;
        if (text == ".")
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= alleles.Length)
        {
            return false;
        }

        allele = alleles[index];
        return true;
    }

    private static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int read = stream.Read(magic);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
