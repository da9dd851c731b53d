using System.Globalization;
using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// Reads the genotypes at the PGx sites of a VCF with the engine (OpenGms.Genomics), in three steps:
/// <list type="number">
/// <item>Select: with a tabix/CSI index beside a BGZF file only the windows around the sites are read through the
/// index (<see cref="VcfRegionReader"/>); otherwise the whole file is streamed and records outside the windows are
/// passed over without looking at their samples.</item>
/// <item>Normalise: the selected records go through the engine's <see cref="VcfNormaliser"/> as PharmCAT's
/// preprocessor runs <c>bcftools norm -m+ -c ws</c>: records at one position are joined into one multiallelic record,
/// and when a reference FASTA is given, alleles are left-aligned and trimmed and a wrong REF is set from the reference.</item>
/// <item>Re-express: at each site the alleles are written against the REF that PharmCAT's definitions use there (a
/// joined record's longer REF is trimmed back, a shorter one extended with the definition's bases), then GT is read
/// per sample with the engine's typed genotype parser. Allele strings are made once per record, never per sample.</item>
/// </list>
/// Issue codes: PGX010 not a readable VCF, PGX011 malformed record (file, line or site, sample, field), PGX012 sample
/// not in the file, PGX013 the reference FASTA cannot be used.
/// </summary>
internal static class PgxVcfReader
{
    private static readonly NormaliseOptions s_normalise = new()
    {
        Multiallelics = MultiallelicMode.JoinAny,
        RefCheck = RefCheckMode.Fix,
    };

    /// <summary>How the records were selected, for reports and tests.</summary>
    public enum Selection
    {
        /// <summary>The whole file was read.</summary>
        Streamed,

        /// <summary>Only the windows around the sites were read through the index.</summary>
        Indexed,
    }

    /// <summary>Reads every sample (or only <paramref name="sampleId"/>) at <paramref name="sites"/>.</summary>
    public static Result<IReadOnlyList<SampleGenotypes>> Read(string path, PgxSites sites, string? sampleId = null, ReferenceGenome? reference = null) =>
        Read(path, sites, sampleId, reference, out _);

    /// <summary>As <see cref="Read(string, PgxSites, string?, ReferenceGenome?)"/>, also saying how records were selected.</summary>
    public static Result<IReadOnlyList<SampleGenotypes>> Read(string path, PgxSites sites, string? sampleId, ReferenceGenome? reference, out Selection selection)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sites);
        selection = Selection.Streamed;
        if (!File.Exists(path))
        {
            return Error.NotFound("PGX010", $"{path}: file not found.");
        }

        VcfReader reader;
        try
        {
            reader = VcfReader.Open(path, parallelism: 1);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return Error.BadInput("PGX010", $"{path}: not a readable VCF ({ex.Message}).");
        }

        using (reader)
        {
            VcfHeader header = reader.Header;
            if (reader.HeaderLineCount == 0 || reader.Issues.CountsByCode.ContainsKey(Genomics.Validation.VcfIssueCodes.ColumnLine))
            {
                return Error.BadInput("PGX010", $"{path}: no #CHROM header line; not a VCF.");
            }

            int[] wanted;
            if (sampleId is not null)
            {
                int sampleIndex = header.IndexOfSample(sampleId);
                if (sampleIndex < 0)
                {
                    return Error.NotFound("PGX012", $"{path}: sample {sampleId} is not in the file (samples: {string.Join(", ", header.Samples)}).");
                }

                wanted = [sampleIndex];
            }
            else
            {
                wanted = [.. Enumerable.Range(0, header.Samples.Count)];
            }

            var selected = new Selected(Encoding.UTF8.GetBytes(header.ToText()));
            GenomicIndex? index = reader.Bgzf is not null ? GenomicIndex.OpenBeside(path) : null;
            selection = index is null ? Selection.Streamed : Selection.Indexed;
            Error? error = index is null ? SelectStreamed(reader, sites, selected, path) : SelectIndexed(reader, index, sites, selected, path);
            if (error is not null)
            {
                return error;
            }

            var result = new SampleGenotypes[wanted.Length];
            for (int s = 0; s < wanted.Length; s++)
            {
                result[s] = new SampleGenotypes(header.Samples[wanted[s]], sites.Count);
            }

            if (selected.Records == 0)
            {
                return result;
            }

            MemoryStream text = selected.Text;
            text.Position = 0;
            if (reference is not null || selected.HasSharedPositions)
            {
                // Without a reference the normaliser only joins records at one position, so it runs only when there are some.
                var normalised = new MemoryStream();
                try
                {
                    new VcfNormaliser(s_normalise, reference).Run(text, normalised, CancellationToken.None);
                }
                catch (NormaliseException ex)
                {
                    return Error.BadInput("PGX011", $"{path}: normalising the records at the PGx sites failed: {ex.Code} {ex.Message}");
                }

                normalised.Position = 0;
                text = normalised;
            }

            using var records = new VcfReader(text);
            return Extract(records, sites, wanted, result, path);
        }
    }

    private static Error? SelectIndexed(VcfReader reader, GenomicIndex index, PgxSites sites, Selected selected, string path)
    {
        var regions = new List<GenomicRegion>();
        foreach (string contig in index.ContigNames)
        {
            regions.AddRange(sites.Windows(GenomicPosition.NormaliseChromosome(contig), contig));
        }

        var regionReader = new VcfRegionReader(reader, index, regions);
        var chromosomes = new ChromosomeNames();
        while (regionReader.Read())
        {
            VcfRecord record = regionReader.Current;
            if (Select(record, chromosomes, sites, selected, path) is { } error)
            {
                return error;
            }
        }

        return Problems(reader, path);
    }

    private static Error? SelectStreamed(VcfReader reader, PgxSites sites, Selected selected, string path)
    {
        var chromosomes = new ChromosomeNames();
        while (reader.Read())
        {
            VcfRecord record = reader.Current;
            if (Select(record, chromosomes, sites, selected, path) is { } error)
            {
                return error;
            }
        }

        return Problems(reader, path);
    }

    /// <summary>Copies <paramref name="record"/> into the selection when it lies in a site window.</summary>
    private static Error? Select(VcfRecord record, ChromosomeNames chromosomes, PgxSites sites, Selected selected, string path)
    {
        string chromosome = chromosomes.Of(record.Chrom);
        if (!sites.HasChromosome(chromosome))
        {
            return null;
        }

        long position = record.Position;
        if (position < 0)
        {
            return Error.BadInput("PGX011", $"{path}:{Num(record.LineNumber)}:2: POS is not a number.");
        }

        if (!sites.InWindow(chromosome, position))
        {
            return null;
        }

        selected.Add(chromosome, position, record.Line);
        return null;
    }

    /// <summary>Structural problems the engine's reader found (it skips such lines): reported, never dropped silently.</summary>
    private static Error? Problems(VcfReader reader, string path)
    {
        if (reader.SkippedLineCount == 0)
        {
            return null;
        }

        Genomics.Validation.VcfIssue first = reader.Issues.Issues[0];
        return Error.BadInput("PGX011", $"{path}:{Num(first.Line)}:{Num(first.Column)}: {first.Code} {first.Message} ({Num(reader.SkippedLineCount)} lines could not be read).");
    }

    private static Result<IReadOnlyList<SampleGenotypes>> Extract(VcfReader records, PgxSites sites, int[] wanted, SampleGenotypes[] result, string path)
    {
        var chromosomes = new ChromosomeNames();
        var alleles = new List<string>(4);
        string previousChromosome = string.Empty;
        long previousPosition = -1;
        while (records.Read())
        {
            VcfRecord record = records.Current;
            string chromosome = chromosomes.Of(record.Chrom);
            long position = record.Position;
            bool repeated = position == previousPosition && ReferenceEquals(chromosome, previousChromosome);
            previousChromosome = chromosome;
            previousPosition = position;
            string? siteRef = sites.ReferenceAt(chromosome, position);
            if (siteRef is null)
            {
                continue;
            }

            if (!record.FormatText.StartsWith("GT"u8) || (record.FormatText.Length > 2 && record.FormatText[2] != (byte)':'))
            {
                // No GT (sites-only or a FORMAT without genotypes): nothing to call from; the site stays missing.
                continue;
            }

            AllelesOf(record, siteRef, alleles);
            int psIndex = record.FormatIndexOf("PS"u8);
            for (int s = 0; s < wanted.Length; s++)
            {
                int sample = wanted[s];
                if (!record.TryGetGenotype(sample, out VcfGenotype gt) || gt.Ploidy > 2 || gt.MaxAllele >= alleles.Count)
                {
                    string text = Encoding.UTF8.GetString(record.SampleField(sample, 0));
                    return Error.BadInput("PGX011", $"{path}: {chromosome}:{Num(position)}: sample {result[s].SampleId}: GT '{text}' is not valid for {Num(alleles.Count)} alleles.");
                }

                SampleAllele call;
                if (gt.Ploidy == 1)
                {
                    call = new SampleAllele(AlleleAt(alleles, gt[0]), null, false, null, IsHaploid: true);
                }
                else
                {
                    string? phaseSet = null;
                    if (gt.IsPhased && psIndex >= 0)
                    {
                        ReadOnlySpan<byte> ps = record.SampleField(sample, psIndex);
                        phaseSet = ps.IsEmpty || ps.SequenceEqual("."u8) ? null : Encoding.UTF8.GetString(ps);
                    }

                    call = new SampleAllele(AlleleAt(alleles, gt[0]), AlleleAt(alleles, gt[1]), gt.IsPhased, phaseSet);
                }

                // Records the normaliser could not join (different classes): a called ALT wins over a reference call.
                if (repeated && result[s].TryGet(chromosome, (int)position, out SampleAllele existing) && !existing.IsMissing && IsReferenceOnly(call, alleles[0]))
                {
                    continue;
                }

                result[s].SetNormalised(chromosome, (int)position, call);
            }
        }

        return result;
    }

    private static string? AlleleAt(List<string> alleles, int index) => index < 0 ? null : alleles[index];

    private static bool IsReferenceOnly(SampleAllele call, string reference) =>
        (call.Allele1 is null || call.Allele1 == reference) && (call.Allele2 is null || call.Allele2 == reference);

    /// <summary>REF then the ALTs of <paramref name="record"/>, written against <paramref name="siteRef"/>.</summary>
    private static void AllelesOf(VcfRecord record, string siteRef, List<string> alleles)
    {
        alleles.Clear();
        string recordRef = Encoding.UTF8.GetString(record.Ref);
        bool same = recordRef == siteRef;
        alleles.Add(same ? recordRef : Reexpress(recordRef, recordRef, siteRef));
        foreach (ReadOnlySpan<byte> alt in record.Alts)
        {
            string a = Encoding.UTF8.GetString(alt);
            alleles.Add(same ? a : Reexpress(recordRef, a, siteRef));
        }
    }

    /// <summary>
    /// Writes <paramref name="allele"/> (an allele of a record whose REF is <paramref name="recordRef"/>, at the same
    /// position) against <paramref name="siteRef"/>, the REF PharmCAT's definitions use there. Both REFs start at the
    /// same base, so they agree on their common length: a shared last base is trimmed while both alleles keep one
    /// base; if that leaves the record's REF shorter than the site's, the site's remaining bases are appended (they
    /// are reference bases the allele did not change). An allele that cannot be written so (say, a deletion against a
    /// SNP site) is returned as it is and the matcher treats it as an allele no definition uses.
    /// </summary>
    internal static string Reexpress(string recordRef, string allele, string siteRef)
    {
        if (allele.Length > 0 && allele[0] is '<' or '*' or '.')
        {
            return allele;
        }

        if (string.Equals(allele, recordRef, StringComparison.OrdinalIgnoreCase))
        {
            return siteRef;
        }

        int r = recordRef.Length;
        int a = allele.Length;
        while (r > siteRef.Length && r > 1 && a > 1 && char.ToUpperInvariant(recordRef[r - 1]) == char.ToUpperInvariant(allele[a - 1]))
        {
            r--;
            a--;
        }

        ReadOnlySpan<char> trimmedRef = recordRef.AsSpan(0, r);
        if (trimmedRef.Equals(siteRef, StringComparison.OrdinalIgnoreCase))
        {
            return allele[..a];
        }

        if (siteRef.Length > r && siteRef.AsSpan(0, r).Equals(trimmedRef, StringComparison.OrdinalIgnoreCase))
        {
            return string.Concat(allele.AsSpan(0, a), siteRef.AsSpan(r));
        }

        return allele;
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The records selected for normalisation, as VCF text after the header, and whether two share a position.</summary>
    private sealed class Selected
    {
        private string _lastChromosome = string.Empty;
        private long _lastPosition = -1;

        public Selected(byte[] header)
        {
            Text.Write(header);
        }

        public MemoryStream Text { get; } = new();

        public int Records { get; private set; }

        public bool HasSharedPositions { get; private set; }

        public void Add(string chromosome, long position, ReadOnlySpan<byte> line)
        {
            HasSharedPositions |= position == _lastPosition && ReferenceEquals(chromosome, _lastChromosome);
            _lastChromosome = chromosome;
            _lastPosition = position;
            Records++;
            Text.Write(line);
            Text.WriteByte((byte)'\n');
        }
    }

    /// <summary>CHROM bytes to the <c>chrN</c> name, decoded only when the chromosome changes (records come sorted).</summary>
    private sealed class ChromosomeNames
    {
        private byte[] _last = [];
        private string _name = string.Empty;

        public string Of(ReadOnlySpan<byte> chrom)
        {
            if (!chrom.SequenceEqual(_last))
            {
                _last = chrom.ToArray();
                _name = GenomicPosition.NormaliseChromosome(Encoding.UTF8.GetString(chrom));
            }

            return _name;
        }
    }
}
