using System.Buffers;
using System.Text;
using System.Text.Json;
using OpenGms.Genomics.Annotation.Sequences;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// A compact, self-contained annotation cache: the transcripts of one gene model (binary, string-deduplicated) and
/// the reference bases around every exon, so annotation needs neither the GTF/GFF3 nor the FASTA again.
/// Layout of the folder: <c>manifest.json</c> (source file, its SHA-256, reference, assembly, counts),
/// <c>transcripts.bin</c> and <c>sequence.bin</c>. A cache is written into a temporary folder and renamed into place.
/// Error codes: ANN020 (no gene-model contig in the reference), ANN021 (cache folder missing or not a cache),
/// ANN022 (cache format version not supported), ANN023 (output exists).
/// </summary>
public sealed class AnnotationCache
{
    /// <summary>Binary format version written and accepted.</summary>
    public const int FormatVersion = 1;

    /// <summary>Bases kept on each side of an exon (splice sites, codons across junctions, 3′ shifting near exons).</summary>
    public const int DefaultFlank = 100;

    private static ReadOnlySpan<byte> Magic => "OGMSANN1"u8;

    private AnnotationCache(AnnotationCacheManifest manifest, TranscriptIndex transcripts, WindowedSequence sequence)
    {
        Manifest = manifest;
        Transcripts = transcripts;
        Sequence = sequence;
    }

    /// <summary>What the cache was built from.</summary>
    public AnnotationCacheManifest Manifest { get; }

    /// <summary>The transcripts, indexed for overlap queries.</summary>
    public TranscriptIndex Transcripts { get; }

    /// <summary>Reference windows around exons.</summary>
    public WindowedSequence Sequence { get; }

    /// <summary>Builds a cache from a gene model and a reference FASTA.</summary>
    /// <param name="model">The parsed gene model.</param>
    /// <param name="sourcePath">The gene-model file (for its name and checksum).</param>
    /// <param name="format">Its format.</param>
    /// <param name="referencePath">Reference FASTA (plain, gzip or BGZF).</param>
    /// <param name="outputDirectory">Folder to create; must not exist unless <paramref name="overwrite"/>.</param>
    /// <param name="assembly">Genome build label (for example GRCh38), or null to leave it unknown.</param>
    /// <param name="overwrite">Replace an existing folder.</param>
    /// <param name="clock">Creation time source.</param>
    /// <returns>The manifest written, or an error.</returns>
    public static Result<AnnotationCacheManifest> Build(
        GeneModel model,
        string sourcePath,
        GeneModelFormat format,
        string referencePath,
        string outputDirectory,
        string? assembly,
        bool overwrite,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clock);
        string output = Path.GetFullPath(outputDirectory);
        if (System.IO.Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !overwrite)
        {
            return Error.Conflict("ANN023", $"{outputDirectory} already exists and is not empty (use --force to replace it)");
        }

        // Windows per gene-model chromosome: every exon +/- flank, merged.
        var windows = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        foreach (Transcript t in model.Transcripts)
        {
            if (!windows.TryGetValue(t.Chromosome, out List<(int Start, int End)>? list))
            {
                list = [];
                windows.Add(t.Chromosome, list);
            }

            for (int i = 0; i < t.ExonCount; i++)
            {
                list.Add((Math.Max(1, t.ExonStarts[i] - DefaultFlank), t.ExonEnds[i] + DefaultFlank));
            }
        }

        // Map gene-model names to reference names (21 <-> chr21, MT <-> chrM) using the reference's .fai when present.
        List<string> referenceNames = ReferenceNames(referencePath);
        var toReference = new Dictionary<string, string>(StringComparer.Ordinal);
        var requested = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
        foreach ((string chromosome, List<(int Start, int End)> list) in windows)
        {
            string? name = ContigNames.Match(chromosome, referenceNames);
            if (name is null && referenceNames.Count > 0)
            {
                continue;
            }

            name ??= chromosome;
            toReference[chromosome] = name;
            requested[name] = Merge(list);
        }

        if (requested.Count == 0)
        {
            string sample = string.Join(", ", windows.Keys.Take(5));
            return Error.BadInput("ANN020", $"none of the gene model's sequences ({sample}) is in the reference {Path.GetFileName(referencePath)}: wrong genome build or naming?");
        }

        WindowedSequence fromReference = FastaWindowReader.Read(referencePath, requested, out Dictionary<string, long> lengths);
        var missing = new List<string>();
        foreach ((string chromosome, string name) in toReference)
        {
            if (!lengths.ContainsKey(name))
            {
                missing.Add(chromosome);
            }
        }

        if (missing.Count == toReference.Count)
        {
            return Error.BadInput("ANN020", $"none of the gene model's sequences ({string.Join(", ", missing.Take(5))}) is in the reference {Path.GetFileName(referencePath)}: wrong genome build or naming?");
        }

        string temp = output + ".tmp-" + Guid.NewGuid().ToString("N");
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            var kept = new List<Transcript>(model.Transcripts.Count);
            foreach (Transcript t in model.Transcripts)
            {
                if (toReference.TryGetValue(t.Chromosome, out string? name) && lengths.ContainsKey(name))
                {
                    kept.Add(t);
                }
            }

            WriteTranscripts(Path.Combine(temp, "transcripts.bin"), kept);
            var chromosomes = new List<AnnotationCacheChromosome>();
            using (var stream = new FileStream(Path.Combine(temp, "sequence.bin"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(toReference.Count(kv => lengths.ContainsKey(kv.Value)));
                foreach ((string chromosome, string name) in toReference.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (!lengths.TryGetValue(name, out long length))
                    {
                        continue;
                    }

                    fromReference.TryGetWindows(name, out int[] starts, out int[] lens, out byte[] bases);
                    writer.Write(chromosome);
                    writer.Write(length);
                    writer.Write(starts.Length);
                    for (int i = 0; i < starts.Length; i++)
                    {
                        writer.Write(starts[i]);
                        writer.Write(lens[i]);
                    }

                    writer.Write(bases.Length);
                    writer.Write(bases);
                    chromosomes.Add(new AnnotationCacheChromosome(chromosome, name, length));
                }
            }

            var manifest = new AnnotationCacheManifest(
                FormatVersion,
                Path.GetFileName(sourcePath),
                Sources.SourceManifest.Sha256(sourcePath),
                format == GeneModelFormat.Gtf ? "gtf" : "gff3",
                Path.GetFileName(referencePath),
                assembly,
                clock.GetUtcNow(),
                kept.Count,
                model.Transcripts.Count - kept.Count,
                missing,
                chromosomes);
            File.WriteAllBytes(Path.Combine(temp, "manifest.json"), manifest.ToJson());
            if (System.IO.Directory.Exists(output))
            {
                System.IO.Directory.Delete(output, recursive: true);
            }

            System.IO.Directory.Move(temp, output);
            return manifest;
        }
        finally
        {
            if (System.IO.Directory.Exists(temp))
            {
                System.IO.Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>Loads a cache folder.</summary>
    /// <param name="directory">The folder written by <see cref="Build"/>.</param>
    /// <returns>The cache, or ANN021/ANN022.</returns>
    public static Result<AnnotationCache> Load(string directory)
    {
        string manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath) || !File.Exists(Path.Combine(directory, "transcripts.bin")) || !File.Exists(Path.Combine(directory, "sequence.bin")))
        {
            return Error.NotFound("ANN021", $"{directory} is not an annotation cache (manifest.json, transcripts.bin and sequence.bin expected); build one with 'gms annotation build-cache'");
        }

        AnnotationCacheManifest? manifest = AnnotationCacheManifest.FromJson(File.ReadAllBytes(manifestPath));
        if (manifest is null)
        {
            return Error.BadInput("ANN021", $"{manifestPath} is not a valid cache manifest");
        }

        if (manifest.Version != FormatVersion)
        {
            return Error.BadInput("ANN022", $"cache format {manifest.Version} is not supported (this build reads {FormatVersion}); rebuild the cache");
        }

        // The two files are independent: the sequence is read on another core while the transcripts are indexed
        // (start-up time is wall time for every annotation run).
        Task<WindowedSequence?> reading = Task.Run(() => ReadSequence(Path.Combine(directory, "sequence.bin")));
        List<Transcript>? transcripts = ReadTranscripts(Path.Combine(directory, "transcripts.bin"));
        TranscriptIndex? index = transcripts is null ? null : new TranscriptIndex(transcripts);
        WindowedSequence? sequence = reading.GetAwaiter().GetResult();
        if (index is null || sequence is null)
        {
            return Error.BadInput("ANN022", $"{directory} holds files of another format or version; rebuild the cache");
        }

        return new AnnotationCache(manifest, index, sequence);
    }

    private static List<string> ReferenceNames(string referencePath)
    {
        string fai = referencePath + ".fai";
        if (!File.Exists(fai))
        {
            return [];
        }

        var names = new List<string>();
        foreach (string line in File.ReadLines(fai))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                names.Add(line[..tab]);
            }
        }

        return names;
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> list)
    {
        list.Sort();
        var merged = new List<(int Start, int End)>(list.Count);
        foreach ((int s, int e) in list)
        {
            if (merged.Count > 0 && s <= merged[^1].End + 1)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, e));
            }
            else
            {
                merged.Add((s, e));
            }
        }

        return merged;
    }

    private static void WriteTranscripts(string path, List<Transcript> transcripts)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Intern(string? s)
        {
            if (s is null)
            {
                return -1;
            }

            if (!strings.TryGetValue(s, out int index))
            {
                index = table.Count;
                strings.Add(s, index);
                table.Add(s);
            }

            return index;
        }

        var rows = new int[transcripts.Count][];
        for (int i = 0; i < transcripts.Count; i++)
        {
            Transcript t = transcripts[i];
            rows[i] = [Intern(t.Id), Intern(t.Version), Intern(t.GeneId), Intern(t.GeneName), Intern(t.Biotype), Intern(t.Chromosome), Intern(t.ProteinId)];
        }

        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(table.Count);
        foreach (string s in table)
        {
            writer.Write(s);
        }

        writer.Write(transcripts.Count);
        for (int i = 0; i < transcripts.Count; i++)
        {
            Transcript t = transcripts[i];
            foreach (int index in rows[i])
            {
                writer.Write7BitEncodedInt(index + 1);
            }

            writer.Write((byte)t.Strand);
            writer.Write((byte)t.Tags);
            writer.Write(t.StartPhase);
            writer.Write(t.CodingStart);
            writer.Write(t.CodingEnd);
            writer.Write7BitEncodedInt(t.ExonCount);
            int previous = 0;
            for (int e = 0; e < t.ExonCount; e++)
            {
                // Delta-coded: exon start from the previous exon end, length.
                writer.Write7BitEncodedInt(t.ExonStarts[e] - previous);
                writer.Write7BitEncodedInt(t.ExonEnds[e] - t.ExonStarts[e]);
                previous = t.ExonEnds[e];
            }
        }
    }

    private static List<Transcript>? ReadTranscripts(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
        {
            return null;
        }

        string[] table = new string[reader.ReadInt32()];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = reader.ReadString();
        }

        int count = reader.ReadInt32();
        var transcripts = new List<Transcript>(count);
        int[] fields = new int[7];
        for (int i = 0; i < count; i++)
        {
            for (int f = 0; f < fields.Length; f++)
            {
                fields[f] = reader.Read7BitEncodedInt() - 1;
            }

            var strand = (Strand)reader.ReadByte();
            var tags = (TranscriptTags)reader.ReadByte();
            byte phase = reader.ReadByte();
            int codingStart = reader.ReadInt32();
            int codingEnd = reader.ReadInt32();
            int exons = reader.Read7BitEncodedInt();
            int[] starts = new int[exons];
            int[] ends = new int[exons];
            int previous = 0;
            for (int e = 0; e < exons; e++)
            {
                starts[e] = previous + reader.Read7BitEncodedInt();
                ends[e] = starts[e] + reader.Read7BitEncodedInt();
                previous = ends[e];
            }

            transcripts.Add(new Transcript(
                table[fields[0]],
                fields[1] < 0 ? null : table[fields[1]],
                table[fields[2]],
                table[fields[3]],
                table[fields[4]],
                table[fields[5]],
                strand,
                starts,
                ends,
                codingStart,
                codingEnd,
                phase,
                tags,
                fields[6] < 0 ? null : table[fields[6]]));
        }

        return transcripts;
    }

    private static WindowedSequence? ReadSequence(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
        {
            return null;
        }

        var sequence = new WindowedSequence();
        int chromosomes = reader.ReadInt32();
        for (int c = 0; c < chromosomes; c++)
        {
            string name = reader.ReadString();
            long length = reader.ReadInt64();
            int windows = reader.ReadInt32();
            int[] starts = new int[windows];
            int[] lens = new int[windows];
            for (int i = 0; i < windows; i++)
            {
                starts[i] = reader.ReadInt32();
                lens[i] = reader.ReadInt32();
            }

            int size = reader.ReadInt32();
            byte[] bases = GC.AllocateUninitializedArray<byte>(size);
            stream.ReadExactly(bases);
            sequence.Add(name, length, starts, lens, bases);
        }

        return sequence;
    }
}

/// <summary>One chromosome of a cache.</summary>
/// <param name="Name">Name in the gene model (and in the cache).</param>
/// <param name="ReferenceName">Name in the reference FASTA.</param>
/// <param name="Length">Length in the reference.</param>
public sealed record AnnotationCacheChromosome(string Name, string ReferenceName, long Length);

/// <summary>What an annotation cache was built from (<c>manifest.json</c>).</summary>
/// <param name="Version">Cache format version.</param>
/// <param name="SourceFile">Gene-model file name.</param>
/// <param name="SourceSha256">SHA-256 of the gene-model file.</param>
/// <param name="SourceFormat"><c>gtf</c> or <c>gff3</c>.</param>
/// <param name="ReferenceFile">Reference FASTA file name.</param>
/// <param name="Assembly">Genome build label, or null.</param>
/// <param name="Created">When the cache was built.</param>
/// <param name="TranscriptCount">Transcripts kept.</param>
/// <param name="TranscriptsDropped">Transcripts on sequences absent from the reference.</param>
/// <param name="MissingSequences">Gene-model sequences not found in the reference.</param>
/// <param name="Chromosomes">Chromosomes held.</param>
public sealed record AnnotationCacheManifest(
    int Version,
    string SourceFile,
    string SourceSha256,
    string SourceFormat,
    string ReferenceFile,
    string? Assembly,
    DateTimeOffset Created,
    int TranscriptCount,
    int TranscriptsDropped,
    IReadOnlyList<string> MissingSequences,
    IReadOnlyList<AnnotationCacheChromosome> Chromosomes)
{
    /// <summary>Serialises to UTF-8 JSON (written by hand: the engine stays reflection-free for AOT).</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "opengms-annotation-cache");
            json.WriteNumber("version", Version);
            json.WriteStartObject("source");
            json.WriteString("file", SourceFile);
            json.WriteString("sha256", SourceSha256);
            json.WriteString("format", SourceFormat);
            json.WriteEndObject();
            json.WriteString("reference", ReferenceFile);
            if (Assembly is null)
            {
                json.WriteNull("assembly");
            }
            else
            {
                json.WriteString("assembly", Assembly);
            }

            json.WriteString("created", Created);
            json.WriteNumber("transcripts", TranscriptCount);
            json.WriteNumber("transcriptsDropped", TranscriptsDropped);
            json.WriteStartArray("missingSequences");
            foreach (string name in MissingSequences)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("chromosomes");
            foreach (AnnotationCacheChromosome c in Chromosomes)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteString("referenceName", c.ReferenceName);
                json.WriteNumber("length", c.Length);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a manifest; null when the JSON is not one.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The manifest or null.</returns>
    public static AnnotationCacheManifest? FromJson(byte[] utf8)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(utf8);
            JsonElement root = doc.RootElement;
            if (!root.TryGetProperty("format", out JsonElement format) || format.GetString() != "opengms-annotation-cache")
            {
                return null;
            }

            JsonElement source = root.GetProperty("source");
            var chromosomes = new List<AnnotationCacheChromosome>();
            foreach (JsonElement c in root.GetProperty("chromosomes").EnumerateArray())
            {
                chromosomes.Add(new AnnotationCacheChromosome(c.GetProperty("name").GetString()!, c.GetProperty("referenceName").GetString()!, c.GetProperty("length").GetInt64()));
            }

            var missing = new List<string>();
            foreach (JsonElement m in root.GetProperty("missingSequences").EnumerateArray())
            {
                missing.Add(m.GetString()!);
            }

            return new AnnotationCacheManifest(
                root.GetProperty("version").GetInt32(),
                source.GetProperty("file").GetString()!,
                source.GetProperty("sha256").GetString()!,
                source.GetProperty("format").GetString()!,
                root.GetProperty("reference").GetString()!,
                root.GetProperty("assembly").ValueKind == JsonValueKind.Null ? null : root.GetProperty("assembly").GetString(),
                root.GetProperty("created").GetDateTimeOffset(),
                root.GetProperty("transcripts").GetInt32(),
                root.GetProperty("transcriptsDropped").GetInt32(),
                missing,
                chromosomes);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>Matches sequence names that differ only by a <c>chr</c> prefix or the mitochondrion's spelling.</summary>
public static class ContigNames
{
    /// <summary>The name in <paramref name="candidates"/> that denotes the same sequence as <paramref name="name"/>, or null.</summary>
    /// <param name="name">A sequence name.</param>
    /// <param name="candidates">Names to match against.</param>
    /// <returns>The matching candidate or null.</returns>
    public static string? Match(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string key = Key(name);
        string? loose = null;
        foreach (string candidate in candidates)
        {
            if (candidate == name)
            {
                return candidate;
            }

            if (loose is null && Key(candidate) == key)
            {
                loose = candidate;
            }
        }

        return loose;
    }

    /// <summary>The comparison key of a sequence name: <c>chr</c> prefix dropped, <c>M</c> read as <c>MT</c> (chr1 and 1 give 1).</summary>
    /// <param name="name">For example <c>chr1</c>, <c>1</c>, <c>chrM</c>.</param>
    /// <returns>For example <c>1</c>, <c>MT</c>.</returns>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string bare = name.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? name[3..] : name;
        return bare is "M" or "MT" ? "MT" : bare;
    }
}
