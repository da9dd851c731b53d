using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>
/// Compiles a gnomAD/ExAC-style sites VCF or a ClinVar VCF into a compact, normalised, BGZF-compressed and
/// tabix-indexed sites VCF inside an annotation cache (<c>sources/NAME.vcf.gz</c>), keeping only the fields the
/// annotator reports, renamed to one vocabulary whatever the release (see docs/annotation.md, "Supplementary sources"):
/// multi-allelic records are split (Number=A values split with them), alleles are trimmed to their shortest VCF form and,
/// when a reference is given, left-aligned, so that matching at annotation time is allele-exact.
/// Errors: ANN040 (input unreadable or not a VCF), ANN041 (input lacks the fields of its kind), ANN042 (bad name).
/// </summary>
public static class SiteSourceCompiler
{
    /// <summary>How far (bp) normalisation may move an allele from where the input put it; also the re-sorting window.</summary>
    public const int MaxShift = 1000;

    /// <summary>gnomAD's genetic ancestry groups (v2 "populations"), lower case as gnomAD v3/v4 write them.</summary>
    public static readonly IReadOnlyList<string> Populations = ["afr", "ami", "amr", "asj", "eas", "fin", "mid", "nfe", "sas", "remaining", "oth"];

    /// <summary>Groups gnomAD leaves out of grpmax/popmax (bottlenecked or small), used when a source has no grpmax of its own.</summary>
    private static readonly HashSet<string> s_notInGrpmax = new(StringComparer.Ordinal) { "ami", "asj", "fin", "mid", "remaining", "oth" };

    /// <summary>Compiles <paramref name="inputPath"/> into <paramref name="cacheDirectory"/> and records it in the manifest.</summary>
    /// <param name="inputPath">The source VCF (plain, gzip or BGZF).</param>
    /// <param name="kind"><see cref="SourceKind.Population"/> or <see cref="SourceKind.ClinVar"/>.</param>
    /// <param name="name">The source's name: letters, digits and underscores.</param>
    /// <param name="cacheDirectory">An annotation cache folder.</param>
    /// <param name="version">Release label, or null to read it from the header (<c>##fileDate</c>).</param>
    /// <param name="reference">Reference for left-alignment, or null to trim only.</param>
    /// <param name="clock">Creation time.</param>
    public static Result<SourceEntry> Compile(string inputPath, SourceKind kind, string name, string cacheDirectory, string? version, ReferenceGenome? reference, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (kind is not (SourceKind.Population or SourceKind.ClinVar))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Only VCF sources are compiled here; gene tables go through GeneTableCompiler.");
        }

        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return Error.BadInput("ANN042", $"Source name '{name}': use letters, digits and underscores.");
        }

        VcfReader reader;
        try
        {
            reader = VcfReader.Open(inputPath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Error.BadInput("ANN040", $"{inputPath}: cannot be read as a VCF ({ex.Message}).");
        }

        using (reader)
        {
            if (reader.Header.FileFormat.Length == 0)
            {
                return Error.BadInput("ANN040", $"{inputPath}: not a VCF (no ##fileformat line).");
            }

            FieldPlan plan = kind == SourceKind.Population ? FieldPlan.ForPopulation(reader.Header) : FieldPlan.ForClinVar(reader.Header);
            if (plan.Missing is string missing)
            {
                return Error.BadInput("ANN041", $"{inputPath}: {missing}");
            }

            string relative = Path.Combine("sources", name + ".vcf.gz");
            string output = Path.Combine(cacheDirectory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            string temp = output + ".tmp" + Environment.ProcessId;
            long records;
            long skipped;
            try
            {
                using (FileStream file = File.Create(temp))
                using (var bgzf = new BgzfWriteStream(file))
                {
                    (records, skipped) = Write(reader, plan, kind, reference, bgzf);
                }

                BgzfVcfIndexer.WriteTabix(temp);
                File.Move(temp + ".tbi", output + ".tbi", overwrite: true);
                File.Move(temp, output, overwrite: true);
            }
            catch (InvalidDataException ex)
            {
                File.Delete(temp);
                File.Delete(temp + ".tbi");
                return Error.BadInput("ANN040", $"{inputPath}, line {reader.LineNumber}: {ex.Message}");
            }

            string? assembly = MetaValue(reader.Header, "reference") ?? MetaValue(reader.Header, "assembly");
            var entry = new SourceEntry(
                name, kind, relative.Replace('\\', '/'), Path.GetFileName(inputPath), SourceManifest.Sha256(inputPath),
                version ?? MetaValue(reader.Header, "fileDate"), assembly,
                records, skipped, clock.GetUtcNow());
            SourceManifest.Upsert(cacheDirectory, entry);
            return entry;
        }
    }

    private static string? MetaValue(VcfHeader header, string key)
    {
        foreach (VcfMetaLine meta in header.MetaLines)
        {
            if (string.Equals(meta.Key, key, StringComparison.Ordinal) && !meta.Value.StartsWith('<'))
            {
                return meta.Value;
            }
        }

        return null;
    }

    private static (long Records, long Skipped) Write(VcfReader reader, FieldPlan plan, SourceKind kind, ReferenceGenome? reference, Stream output)
    {
        var header = new StringBuilder();
        header.Append("##fileformat=VCFv4.3\n");
        header.Append("##source=OpenGMS gms annotation add-source (").Append(kind).Append(")\n");
        foreach (VcfContig contig in reader.Header.Contigs)
        {
            header.Append("##contig=<ID=").Append(contig.Id);
            if (contig.Length is long length)
            {
                header.Append(",length=").Append(length);
            }

            header.Append(">\n");
        }

        foreach (string definition in plan.HeaderLines)
        {
            header.Append(definition).Append('\n');
        }

        header.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        output.Write(Encoding.UTF8.GetBytes(header.ToString()));

        var pending = new PriorityQueue<PendingSite, (long Pos, long Seq)>();
        var keys = new HashSet<(long, string, string)>();
        string chrom = string.Empty;
        long records = 0;
        long skipped = 0;
        long seq = 0;
        var info = new StringBuilder();
        var line = new StringBuilder();
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            string recordChrom = Encoding.UTF8.GetString(r.Chrom);
            long pos = r.Position;
            if (!string.Equals(recordChrom, chrom, StringComparison.Ordinal))
            {
                records += Flush(pending, keys, long.MaxValue, output, line);
                chrom = recordChrom;
            }
            else
            {
                records += Flush(pending, keys, pos - MaxShift, output, line);
            }

            string refAllele = Encoding.UTF8.GetString(r.Ref);
            string id = Encoding.UTF8.GetString(r.Id);
            int altIndex = -1;
            foreach (ReadOnlySpan<byte> altBytes in r.Alts)
            {
                altIndex++;
                if (altBytes.IsEmpty || altBytes[0] == (byte)'<' || altBytes.IndexOfAny((byte)'[', (byte)']') >= 0 || altBytes.SequenceEqual("*"u8) || altBytes.SequenceEqual("."u8))
                {
                    skipped++;
                    continue;
                }

                (long p, string a, string b) = AlleleNormaliser.Normalise(chrom, pos, refAllele, Encoding.UTF8.GetString(altBytes).ToUpperInvariant(), reference, MaxShift);
                a = a.ToUpperInvariant();
                if (!keys.Add((p, a, b)))
                {
                    skipped++;
                    continue;
                }

                info.Clear();
                plan.AppendInfo(r, altIndex, id, info);
                pending.Enqueue(new PendingSite(chrom, p, a, b, kind == SourceKind.ClinVar ? id : ".", info.Length == 0 ? "." : info.ToString()), (p, seq++));
            }
        }

        records += Flush(pending, keys, long.MaxValue, output, line);
        return (records, skipped);
    }

    private static long Flush(PriorityQueue<PendingSite, (long Pos, long Seq)> pending, HashSet<(long, string, string)> keys, long before, Stream output, StringBuilder line)
    {
        long n = 0;
        while (pending.TryPeek(out PendingSite? site, out (long Pos, long Seq) priority) && priority.Pos < before)
        {
            pending.Dequeue();
            keys.Remove((site.Pos, site.Ref, site.Alt));
            line.Clear();
            line.Append(site.Chrom).Append('\t').Append(site.Pos).Append('\t').Append(site.Id).Append('\t')
                .Append(site.Ref).Append('\t').Append(site.Alt).Append("\t.\t.\t").Append(site.Info).Append('\n');
            output.Write(Encoding.UTF8.GetBytes(line.ToString()));
            n++;
        }

        return n;
    }

    private sealed record PendingSite(string Chrom, long Pos, string Ref, string Alt, string Id, string Info);

    /// <summary>Which input INFO fields feed which output fields, worked out once from the header.</summary>
    private sealed class FieldPlan
    {
        // INFO keys are kept as UTF-8 bytes, encoded once here rather than for every record of a genome-wide source.
        private readonly List<(string Output, byte[] Input, bool PerAllele)> _copies = [];
        private readonly List<(string Pop, byte[]? Af, byte[]? Ac, byte[]? An, bool PerAllele)> _pops = [];
        private bool _computeAf;
        private bool _computeGrpmax;
        private bool _clinVar;

        public List<string> HeaderLines { get; } = [];

        public string? Missing { get; private set; }

        public static FieldPlan ForPopulation(VcfHeader header)
        {
            var plan = new FieldPlan();
            plan.Copy(header, "AC", "Integer", "Alternate allele count", "AC");
            plan.Copy(header, "AN", "Integer", "Total number of alleles called", "AN");
            if (!plan.Copy(header, "AF", "Float", "Alternate allele frequency", "AF"))
            {
                plan._computeAf = header.Info.ContainsKey("AC") && header.Info.ContainsKey("AN");
                if (plan._computeAf)
                {
                    plan.HeaderLines.Add(Def("AF", "A", "Float", "Alternate allele frequency (AC/AN)"));
                }
            }

            plan.Copy(header, "NHOMALT", "Integer", "Homozygous alternate individuals", "nhomalt", "AC_Hom", "Hom");
            foreach (string pop in Populations)
            {
                string? af = Find(header, "AF_" + pop);
                string? ac = Find(header, "AC_" + pop);
                string? an = Find(header, "AN_" + pop);
                if (af is null && (ac is null || an is null))
                {
                    continue;
                }

                bool perAllele = header.Info.TryGetValue(af ?? ac!, out VcfFieldDefinition? d) && d.Number.Kind == VcfNumberKind.PerAltAllele;
                plan._pops.Add((pop, Utf8(af), Utf8(ac), Utf8(an), perAllele || af is null));
                plan.HeaderLines.Add(Def("AF_" + pop, "A", "Float", $"Alternate allele frequency in the {pop} group"));
            }

            bool grp = plan.Copy(header, "GRPMAX", "String", "Genetic ancestry group with the highest allele frequency (gnomAD grpmax/popmax)", "grpmax", "popmax");
            bool grpAf = plan.Copy(header, "GRPMAX_AF", "Float", "Allele frequency in that group", "AF_grpmax", "AF_popmax");
            if (!grp && !grpAf && plan._pops.Count > 0)
            {
                plan._computeGrpmax = true;
                plan.HeaderLines.Add(Def("GRPMAX", "A", "String", "Group with the highest allele frequency, computed from the groups (excluding ami, asj, fin, mid, remaining/oth)"));
                plan.HeaderLines.Add(Def("GRPMAX_AF", "A", "Float", "Allele frequency in that group"));
            }

            if (!header.Info.ContainsKey("AF") && !plan._computeAf && plan._pops.Count == 0)
            {
                plan.Missing = "no allele frequencies: a population source needs INFO AF, or AC and AN, or per-group AF_<group> / AC_<group> and AN_<group>.";
            }

            return plan;
        }

        public static FieldPlan ForClinVar(VcfHeader header)
        {
            var plan = new FieldPlan { _clinVar = true };
            if (!header.Info.ContainsKey("CLNSIG"))
            {
                plan.Missing = "no INFO CLNSIG: not a ClinVar VCF (the ClinVar VCF from NCBI's FTP site has it).";
                return plan;
            }

            plan.HeaderLines.Add(Def("VARIATION_ID", "1", "String", "ClinVar variation id (the ID column of ClinVar's VCF)"));
            plan.Copy(header, "CLNSIG", "String", "Clinical significance", "CLNSIG");
            plan.Copy(header, "CLNREVSTAT", "String", "Review status", "CLNREVSTAT");
            plan.HeaderLines.Add(Def("STARS", "1", "Integer", "Review status as ClinVar's gold stars (0-4)"));
            plan.Copy(header, "CLNDN", "String", "Conditions", "CLNDN");
            plan.Copy(header, "GENEINFO", "String", "Gene symbol:gene id pairs", "GENEINFO");
            plan.Copy(header, "ALLELEID", "Integer", "ClinVar allele id", "ALLELEID");
            plan.Copy(header, "CLNHGVS", "String", "Top-level HGVS expression", "CLNHGVS");
            return plan;
        }

        private static string? Find(VcfHeader header, string id)
        {
            if (header.Info.ContainsKey(id))
            {
                return id;
            }

            string upper = id.ToUpperInvariant();
            int underscore = upper.IndexOf('_', StringComparison.Ordinal);
            string exacStyle = id[..(underscore + 1)] + upper[(underscore + 1)..]; // ExAC: AC_AFR
            return header.Info.ContainsKey(exacStyle) ? exacStyle : null;
        }

        private static byte[]? Utf8(string? key) => key is null ? null : Encoding.UTF8.GetBytes(key);

        private static string Def(string id, string number, string type, string description) =>
            $"##INFO=<ID={id},Number={number},Type={type},Description=\"{description}\">";

        private bool Copy(VcfHeader header, string output, string type, string description, params string[] inputs)
        {
            foreach (string input in inputs)
            {
                if (header.Info.TryGetValue(input, out VcfFieldDefinition? d))
                {
                    bool perAllele = d.Number.Kind == VcfNumberKind.PerAltAllele;
                    _copies.Add((output, Encoding.UTF8.GetBytes(input), perAllele));
                    HeaderLines.Add(Def(output, perAllele || output is "AC" or "AF" or "NHOMALT" or "GRPMAX" or "GRPMAX_AF" ? "A" : d.Number.ToString(), type, description));
                    return true;
                }
            }

            return false;
        }

        public void AppendInfo(VcfRecord r, int altIndex, string id, StringBuilder info)
        {
            if (_clinVar)
            {
                Append(info, "VARIATION_ID", id);
            }

            foreach ((string output, byte[] input, bool perAllele) in _copies)
            {
                if (r.TryGetInfo(input, out ReadOnlySpan<byte> value) && Value(value, perAllele, altIndex) is string v)
                {
                    Append(info, output, v);
                    if (_clinVar && output == "CLNREVSTAT")
                    {
                        Append(info, "STARS", Stars(v).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }

            if (_computeAf && r.TryGetInfo("AC"u8, out ReadOnlySpan<byte> ac) && r.TryGetInfo("AN"u8, out ReadOnlySpan<byte> an)
                && Fraction(Value(ac, true, altIndex), Value(an, false, 0)) is double af)
            {
                Append(info, "AF", Format(af));
            }

            string? bestPop = null;
            double bestAf = -1;
            foreach ((string pop, byte[]? afKey, byte[]? acKey, byte[]? anKey, bool perAllele) in _pops)
            {
                double? popAf = null;
                if (afKey is not null && r.TryGetInfo(afKey, out ReadOnlySpan<byte> afValue))
                {
                    popAf = Fraction(Value(afValue, perAllele, altIndex), "1");
                }
                else if (acKey is not null && anKey is not null && r.TryGetInfo(acKey, out ReadOnlySpan<byte> acValue)
                    && r.TryGetInfo(anKey, out ReadOnlySpan<byte> anValue))
                {
                    popAf = Fraction(Value(acValue, true, altIndex), Value(anValue, false, 0));
                }

                if (popAf is double f)
                {
                    Append(info, "AF_" + pop, Format(f));
                    if (_computeGrpmax && !s_notInGrpmax.Contains(pop) && f > bestAf)
                    {
                        (bestPop, bestAf) = (pop, f);
                    }
                }
            }

            if (_computeGrpmax && bestPop is not null)
            {
                Append(info, "GRPMAX", bestPop);
                Append(info, "GRPMAX_AF", Format(bestAf));
            }
        }

        private static void Append(StringBuilder info, string key, string value)
        {
            if (info.Length > 0)
            {
                info.Append(';');
            }

            info.Append(key).Append('=').Append(value);
        }

        private static string? Value(ReadOnlySpan<byte> value, bool perAllele, int altIndex)
        {
            if (!perAllele)
            {
                return value.IsEmpty || value.SequenceEqual("."u8) ? null : Encoding.UTF8.GetString(value);
            }

            int i = 0;
            foreach (ReadOnlySpan<byte> part in new VcfListEnumerator(value, (byte)','))
            {
                if (i++ == altIndex)
                {
                    return part.IsEmpty || part.SequenceEqual("."u8) ? null : Encoding.UTF8.GetString(part);
                }
            }

            return null;
        }

        private static double? Fraction(string? numerator, string? denominator)
        {
            System.Globalization.CultureInfo inv = System.Globalization.CultureInfo.InvariantCulture;
            if (numerator is null || denominator is null
                || !double.TryParse(numerator, System.Globalization.NumberStyles.Float, inv, out double n)
                || !double.TryParse(denominator, System.Globalization.NumberStyles.Float, inv, out double d) || d <= 0)
            {
                return null;
            }

            return n / d;
        }

        private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>ClinVar's gold stars for a review status (ClinVar's "Review status" help page).</summary>
    public static int Stars(string reviewStatus)
    {
        ArgumentNullException.ThrowIfNull(reviewStatus);
        string s = reviewStatus.Replace('_', ' ').Replace(",", ", ", StringComparison.Ordinal).ToLowerInvariant();
        return s switch
        {
            _ when s.Contains("practice guideline", StringComparison.Ordinal) => 4,
            _ when s.Contains("reviewed by expert panel", StringComparison.Ordinal) => 3,
            _ when s.Contains("multiple submitters", StringComparison.Ordinal) && s.Contains("no conflicts", StringComparison.Ordinal) => 2,
            _ when s.StartsWith("criteria provided", StringComparison.Ordinal) => 1,
            _ => 0,
        };
    }
}
