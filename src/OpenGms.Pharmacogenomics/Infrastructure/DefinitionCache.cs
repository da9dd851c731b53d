using System.Text;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// A compact binary copy of a loaded <see cref="DefinitionSet"/>, written by <c>gms pgx import-definitions</c> beside the
/// imported JSON so that each call reads one file instead of parsing about 20 MB of JSON. Strings are stored once and
/// referred to by number afterwards (phenotype names, lookup keys and allele names repeat thousands of times).
/// The JSON stays the source of truth: a cache with another format version, or one that cannot be read, is ignored.
/// </summary>
internal static class DefinitionCache
{
    /// <summary>The cache's file name inside an imported definitions folder.</summary>
    public const string FileName = "definitions.cache";

    private const uint Magic = 0x58504747; // "GGPX"
    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="set"/> to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static void Write(DefinitionSet set, string path)
    {
        ArgumentNullException.ThrowIfNull(set);
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new Writer(stream))
        {
            w.Raw.Write(Magic);
            w.Raw.Write(FormatVersion);
            w.String(set.Version);
            w.String(set.Source);
            w.Count(set.Genes.Count);
            foreach (GeneDefinition gene in set.Genes.Values)
            {
                WriteGene(w, gene);
            }

            w.Count(set.Exemptions.Count);
            foreach (GeneExemption e in set.Exemptions.Values)
            {
                w.String(e.Gene);
                w.Count(e.IgnoredPositions.Count);
                foreach (int p in e.IgnoredPositions)
                {
                    w.Raw.Write(p);
                }

                w.Strings([.. e.IgnoredAlleles]);
            }

            WritePhenotypes(w, set.CpicPhenotypes);
            WritePhenotypes(w, set.DpwgPhenotypes);
            w.Count(set.Guidelines.Count);
            foreach (Guideline g in set.Guidelines)
            {
                w.String(g.Source);
                w.String(g.Name);
                w.String(g.Url);
                w.Strings(g.Drugs);
                w.Strings(g.Genes);
                w.Count(g.Recommendations.Count);
                foreach (GuidelineRecommendation r in g.Recommendations)
                {
                    w.Strings(r.Drugs);
                    w.String(r.Population);
                    w.String(r.Classification);
                    w.String(r.Text);
                    w.Strings(r.Implications);
                    w.Map(r.LookupKey);
                }
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a cache; null when there is none or it is not one this version can read.</summary>
    public static DefinitionSet? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var r = new Reader(File.ReadAllBytes(path));
            if (r.Raw.ReadUInt32() != Magic || r.Raw.ReadInt32() != FormatVersion)
            {
                return null;
            }

            string version = r.String()!;
            _ = r.String(); // the folder it was built from (a staging folder); the folder it is read from is reported
            string source = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var genes = new Dictionary<string, GeneDefinition>(StringComparer.Ordinal);
            for (int i = r.Count(); i > 0; i--)
            {
                GeneDefinition gene = ReadGene(r);
                genes[gene.Gene] = gene;
            }

            var exemptions = new Dictionary<string, GeneExemption>(StringComparer.Ordinal);
            for (int i = r.Count(); i > 0; i--)
            {
                string gene = r.String()!;
                var positions = new HashSet<int>();
                for (int k = r.Count(); k > 0; k--)
                {
                    positions.Add(r.Raw.ReadInt32());
                }

                exemptions[gene] = new GeneExemption(gene, positions, new HashSet<string>(r.Strings(), StringComparer.Ordinal));
            }

            Dictionary<string, GenePhenotypeMap> cpic = ReadPhenotypes(r);
            Dictionary<string, GenePhenotypeMap> dpwg = ReadPhenotypes(r);
            var guidelines = new List<Guideline>();
            for (int i = r.Count(); i > 0; i--)
            {
                string gSource = r.String()!;
                string name = r.String()!;
                string? url = r.String();
                string[] drugs = r.Strings();
                string[] geneNames = r.Strings();
                var recommendations = new GuidelineRecommendation[r.Count()];
                for (int k = 0; k < recommendations.Length; k++)
                {
                    recommendations[k] = new GuidelineRecommendation(r.Strings(), r.String(), r.String()!, r.String()!, r.Strings(), r.Map());
                }

                guidelines.Add(new Guideline(gSource, name, url, drugs, geneNames, recommendations));
            }

            return new DefinitionSet(version, source, genes, exemptions, cpic, dpwg, guidelines);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or IndexOutOfRangeException or DecoderFallbackException)
        {
            // A damaged cache is not an error: the JSON it was made from is read instead.
            return null;
        }
    }

    private static void WriteGene(Writer w, GeneDefinition gene)
    {
        w.String(gene.Gene);
        w.String(gene.Chromosome);
        w.String(gene.Version);
        w.Count(gene.Variants.Count);
        foreach (VariantLocus v in gene.Variants)
        {
            w.String(v.Chromosome);
            w.Raw.Write(v.Position);
            w.String(v.Rsid);
            w.String(v.Ref);
            w.Strings(v.Alts);
        }

        w.Count(gene.NamedAlleles.Count);
        foreach (NamedAllele a in gene.NamedAlleles)
        {
            w.String(a.Name);
            w.String(a.Id);
            w.Raw.Write(a.IsReference);
            w.Strings(a.Alleles);
        }

        w.Map(gene.Suballeles);
    }

    private static GeneDefinition ReadGene(Reader r)
    {
        string gene = r.String()!;
        string chromosome = r.String()!;
        string version = r.String()!;
        var variants = new VariantLocus[r.Count()];
        for (int i = 0; i < variants.Length; i++)
        {
            variants[i] = new VariantLocus(r.String()!, r.Raw.ReadInt32(), r.String(), r.String()!, r.Strings());
        }

        var alleles = new NamedAllele[r.Count()];
        for (int i = 0; i < alleles.Length; i++)
        {
            string name = r.String()!;
            string? id = r.String();
            bool isReference = r.Raw.ReadBoolean();
            alleles[i] = new NamedAllele(name, id, r.NullableStrings(), isReference);
        }

        return new GeneDefinition(gene, chromosome, version, variants, alleles, r.Map());
    }

    private static void WritePhenotypes(Writer w, IReadOnlyDictionary<string, GenePhenotypeMap> maps)
    {
        w.Count(maps.Count);
        foreach (GenePhenotypeMap map in maps.Values)
        {
            w.String(map.Gene);
            w.String(map.Version);
            w.Map(map.Functions);
            w.Map(map.ActivityValues);
            w.Count(map.Count);
            foreach ((string key, DiplotypePhenotype row) in map.Entries)
            {
                w.String(key);
                w.String(row.Phenotype);
                w.String(row.LookupKey);
                w.String(row.ActivityScore);
            }
        }
    }

    private static Dictionary<string, GenePhenotypeMap> ReadPhenotypes(Reader r)
    {
        var maps = new Dictionary<string, GenePhenotypeMap>(StringComparer.Ordinal);
        for (int i = r.Count(); i > 0; i--)
        {
            string gene = r.String()!;
            string? version = r.String();
            Dictionary<string, string> functions = r.Map();
            Dictionary<string, string> activity = r.Map();
            var rows = new KeyValuePair<string, DiplotypePhenotype>[r.Count()];
            for (int k = 0; k < rows.Length; k++)
            {
                rows[k] = new(r.String()!, new DiplotypePhenotype(r.String()!, r.String()!, r.String()));
            }

            maps[gene] = new GenePhenotypeMap(gene, version, functions, activity, rows);
        }

        return maps;
    }

    /// <summary>Writes strings once: 0 is null, 1 a new string that follows, n ≥ 2 the string numbered n − 2.</summary>
    private sealed class Writer(Stream stream) : IDisposable
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public BinaryWriter Raw { get; } = new(stream, Encoding.UTF8, leaveOpen: false);

        public void Count(int count) => Raw.Write7BitEncodedInt(count);

        public void String(string? value)
        {
            if (value is null)
            {
                Raw.Write7BitEncodedInt(0);
            }
            else if (_ids.TryGetValue(value, out int id))
            {
                Raw.Write7BitEncodedInt(id + 2);
            }
            else
            {
                _ids[value] = _ids.Count;
                Raw.Write7BitEncodedInt(1);
                Raw.Write(value);
            }
        }

        public void Strings(IReadOnlyList<string?> values)
        {
            Count(values.Count);
            foreach (string? v in values)
            {
                String(v);
            }
        }

        public void Map(IReadOnlyDictionary<string, string> map)
        {
            Count(map.Count);
            foreach ((string key, string value) in map)
            {
                String(key);
                String(value);
            }
        }

        public void Dispose() => Raw.Dispose();
    }

    private sealed class Reader(byte[] data) : IDisposable
    {
        private readonly List<string> _strings = [];

        public BinaryReader Raw { get; } = new(new MemoryStream(data, writable: false), Encoding.UTF8);

        public int Count() => Raw.Read7BitEncodedInt();

        public string? String()
        {
            int code = Raw.Read7BitEncodedInt();
            if (code == 0)
            {
                return null;
            }

            if (code == 1)
            {
                string value = Raw.ReadString();
                _strings.Add(value);
                return value;
            }

            return _strings[code - 2];
        }

        public string[] Strings()
        {
            var values = new string[Count()];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = String() ?? string.Empty;
            }

            return values;
        }

        public string?[] NullableStrings()
        {
            var values = new string?[Count()];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = String();
            }

            return values;
        }

        public Dictionary<string, string> Map()
        {
            int count = Count();
            var map = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                map[String()!] = String()!;
            }

            return map;
        }

        public void Dispose() => Raw.Dispose();
    }
}
