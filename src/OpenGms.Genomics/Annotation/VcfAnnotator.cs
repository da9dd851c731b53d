using System.Buffers;
using System.Text;
using System.Text.Json;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Annotation;

/// <summary>Output shapes of <see cref="VcfAnnotator"/>.</summary>
public enum AnnotationOutputFormat
{
    /// <summary>The input VCF with a CSQ INFO field (see <see cref="VcfAnnotator.CsqHeaderLine"/>).</summary>
    Vcf,

    /// <summary>One JSON object per line per variant allele (docs/annotation.md).</summary>
    Json,
}

/// <summary>Counts from one annotation run.</summary>
/// <param name="Records">VCF records read.</param>
/// <param name="Alleles">Alternate alleles annotated.</param>
/// <param name="UnknownContig">Records on sequences the cache does not hold (written unannotated).</param>
public sealed record AnnotationSummary(long Records, long Alleles, long UnknownContig);

/// <summary>
/// Streams a VCF through a <see cref="VariantAnnotator"/> and writes VCF with a CSQ field or JSON lines.
/// Samples and every other column pass through unchanged. Codes: ANN030 (no VCF contig is in the cache),
/// ANN031 (a contig's length differs from the cache's: another genome build).
/// </summary>
public sealed class VcfAnnotator
{
    /// <summary>The CSQ sub-fields, in order.</summary>
    public const string CsqFormat = "Allele|Consequence|SYMBOL|Gene|Feature|BIOTYPE|STRAND|EXON|INTRON|HGVSc|HGVSp|Protein_position|Amino_acids|DISTANCE|MANE_SELECT|CANONICAL|HGVSg";

    /// <summary>The INFO header line added to the output VCF.</summary>
    public const string CsqHeaderLine = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from OpenGMS. Format: " + CsqFormat + "\">";

    private static readonly Sources.SourceHit?[][] s_noHits = [];

    private readonly AnnotationCache _cache;

    /// <summary>Creates an annotator over a cache.</summary>
    /// <param name="cache">The loaded cache.</param>
    public VcfAnnotator(AnnotationCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <summary>Supplementary sources (gnomAD, ClinVar, gene tables) added to the output, or null for none.</summary>
    public Sources.SupplementaryAnnotator? Supplementary { get; init; }

    /// <summary>Checks the VCF header's contigs against the cache before any work.</summary>
    /// <param name="header">The VCF header.</param>
    /// <param name="file">File name for messages.</param>
    /// <returns>Null when they fit, else ANN030/ANN031.</returns>
    public Error? CheckContigs(VcfHeader header, string file)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Contigs.Count == 0)
        {
            return null;
        }

        int matched = 0;
        foreach (VcfContig contig in header.Contigs)
        {
            string? name = ContigNames.Match(contig.Id, _cache.Transcripts.Chromosomes.Concat(_cache.Sequence.Names));
            if (name is null)
            {
                continue;
            }

            matched++;
            long cacheLength = _cache.Sequence.LengthOf(name);
            if (contig.Length is long length && cacheLength > 0 && length != cacheLength)
            {
                return Error.BadInput("ANN031", $"{file}: contig {contig.Id} has length {length} but the cache's reference ({_cache.Manifest.ReferenceFile}, {_cache.Manifest.Assembly ?? "build not recorded"}) has {cacheLength}: another genome build?");
            }
        }

        return matched == 0
            ? Error.BadInput("ANN030", $"{file}: none of its contigs ({string.Join(", ", header.Contigs.Take(5).Select(c => c.Id))}) is in the annotation cache ({string.Join(", ", _cache.Manifest.Chromosomes.Take(5).Select(c => c.Name))})")
            : null;
    }

    /// <summary>Threads annotating batches of records (0: the processor count; 1: all on the calling thread).</summary>
    public int Parallelism { get; init; }

    /// <summary>Records per batch handed to a worker thread.</summary>
    private const int BatchRecords = 2048;

    /// <summary>Annotates every record of <paramref name="reader"/> into <paramref name="output"/>.</summary>
    /// <param name="reader">VCF input.</param>
    /// <param name="output">Destination (uncompressed bytes; wrap in BGZF to compress).</param>
    /// <param name="format">VCF or JSON lines.</param>
    /// <param name="progress">Called now and then with the records read so far, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Counts.</returns>
    /// <remarks>
    /// The calling thread reads records (and looks up the supplementary sources, which walk their files in order);
    /// batches of records are annotated on worker threads, each with its own annotator state, and written out in input
    /// order, so the output is the same whatever the parallelism.
    /// </remarks>
    public AnnotationSummary Run(VcfReader reader, Stream output, AnnotationOutputFormat format, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        if (format == AnnotationOutputFormat.Vcf)
        {
            VcfHeader header = reader.Header.WithMetaLines([CsqHeaderLine, .. Supplementary?.VcfHeaderLines() ?? []]);
            output.Write(Encoding.UTF8.GetBytes(header.ToText()));
        }

        int threads = Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
        var pool = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        var inFlight = new Queue<Task<Batch>>();
        long records = 0;
        long alleles = 0;
        long unknown = 0;
        // Batches are reused once written: each holds two large buffers, and allocating them afresh per batch cost
        // large-object-heap allocations, zeroing and full collections.
        var free = new Stack<Batch>();
        var batch = new Batch();
        byte[] lastChrom = [];
        string lastChromText = string.Empty;
        var alts = new List<string>(2);
        bool lookUp = Supplementary is { HasSiteSources: true };

        void Finish(Batch done)
        {
            output.Write(done.Output.WrittenSpan);
            alleles += done.Alleles;
            unknown += done.Unknown;
            done.Reset();
            free.Push(done);
        }

        void Dispatch(Batch full)
        {
            if (threads <= 1)
            {
                Worker w = pool.TryTake(out Worker? existing) ? existing : new Worker(this);
                full.Process(w, reader.Header, format);
                pool.Add(w);
                Finish(full);
                return;
            }

            inFlight.Enqueue(Task.Run(() =>
            {
                Worker w = pool.TryTake(out Worker? existing) ? existing : new Worker(this);
                try
                {
                    full.Process(w, reader.Header, format);
                }
                finally
                {
                    pool.Add(w);
                }

                return full;
            }, cancellationToken));
            while (inFlight.Count > threads * 2)
            {
                Finish(inFlight.Dequeue().GetAwaiter().GetResult());
            }
        }

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            VcfRecord record = reader.Current;
            records++;
            if ((records & 0xFFFF) == 0)
            {
                progress?.Invoke(records);
            }

            // Without a site source nothing is looked up: the hits stay empty (gene tables need none).
            Sources.SourceHit?[][]? hits = Supplementary is null ? null : s_noHits;
            if (lookUp)
            {
                if (!record.Chrom.SequenceEqual(lastChrom))
                {
                    lastChrom = record.Chrom.ToArray();
                    lastChromText = Encoding.UTF8.GetString(lastChrom);
                }

                alts.Clear();
                foreach (ReadOnlySpan<byte> alt in record.Alts)
                {
                    alts.Add(Encoding.UTF8.GetString(alt));
                }

                hits = Supplementary!.LookupAll(lastChromText, record.Position, Encoding.UTF8.GetString(record.Ref), alts);
            }

            batch.Add(record, hits);
            if (batch.Count == BatchRecords)
            {
                Dispatch(batch);
                batch = free.Count > 0 ? free.Pop() : new Batch();
            }
        }

        if (batch.Count > 0)
        {
            Dispatch(batch);
        }

        while (inFlight.Count > 0)
        {
            Finish(inFlight.Dequeue().GetAwaiter().GetResult());
        }

        progress?.Invoke(records);
        return new AnnotationSummary(records, alleles, unknown);
    }

    /// <summary>Records read by the calling thread, annotated by one worker, written in order.</summary>
    private sealed class Batch
    {
        private readonly ByteSink _lines = new(1 << 18);
        private readonly List<(int Offset, int Length, long Line, Sources.SourceHit?[][]? Hits)> _records = new(BatchRecords);
        private readonly int[] _layouts = new int[BatchRecords * VcfLineLayout.SavedLength];

        public int Count => _records.Count;

        public ByteSink Output { get; } = new(1 << 18);

        public long Alleles { get; private set; }

        public long Unknown { get; private set; }

        /// <summary>Empties the batch for reuse (buffers keep their capacity).</summary>
        public void Reset()
        {
            _lines.Clear();
            _records.Clear();
            Output.Clear();
            Alleles = 0;
            Unknown = 0;
        }

        public void Add(VcfRecord record, Sources.SourceHit?[][]? hits)
        {
            ReadOnlySpan<byte> line = record.Line;
            // The reader has found the columns already: keep its layout so the worker need not split the line again.
            record.Layout.SaveTo(_layouts.AsSpan(_records.Count * VcfLineLayout.SavedLength, VcfLineLayout.SavedLength));
            _records.Add((_lines.WrittenCount, line.Length, record.LineNumber, hits));
            _lines.Write(line);
        }

        public void Process(Worker worker, VcfHeader header, AnnotationOutputFormat format)
        {
            long alleles = 0;
            long unknown = 0;
            for (int i = 0; i < _records.Count; i++)
            {
                (int offset, int length, long lineNumber, Sources.SourceHit?[][]? hits) = _records[i];
                ReadOnlySpan<byte> line = _lines.WrittenSpan.Slice(offset, length);
                worker.Layout.RestoreFrom(_layouts.AsSpan(i * VcfLineLayout.SavedLength, VcfLineLayout.SavedLength));
                var record = new VcfRecord(line, worker.Layout, header, lineNumber);
                worker.Annotate(record, hits, format, Output, ref alleles, ref unknown);
            }

            Alleles = alleles;
            Unknown = unknown;
        }
    }

    /// <summary>What one thread needs to annotate records: its own annotator caches, builders and contig map.</summary>
    /// <remarks>Its JSON writer only wraps in-memory buffers, so it needs no disposal.</remarks>
#pragma warning disable CA1001 // Utf8JsonWriter over an ArrayBufferWriter holds no unmanaged resource.
    private sealed class Worker
#pragma warning restore CA1001
    {
        private readonly VcfAnnotator _owner;
        private readonly VariantAnnotator _annotator;
        private readonly StructuralVariantAnnotator _structural;
        private readonly Dictionary<string, string?> _contigMap = new(StringComparer.Ordinal);
        private readonly CsqWriter _csq = new();
        private readonly StringBuilder _extra = new(256);
        private readonly List<AlleleAnnotation> _annotations = new(4);
        private readonly ArrayBufferWriter<byte> _jsonScratch = new(1);
        private readonly Utf8JsonWriter _json;
        private byte[] _lastChrom = [];
        private string _lastChromText = string.Empty;
        private string? _lastMapped;

        public Worker(VcfAnnotator owner)
        {
            _owner = owner;
            _annotator = new VariantAnnotator(owner._cache.Transcripts, owner._cache.Sequence);
            _structural = new StructuralVariantAnnotator(owner._cache.Transcripts);
            // Relaxed escaping: HGVS keeps its ">" rather than "\u003E"; the output is a file, not HTML.
            _json = new Utf8JsonWriter(_jsonScratch, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public VcfLineLayout Layout { get; } = new();

        public void Annotate(VcfRecord record, Sources.SourceHit?[][]? hits, AnnotationOutputFormat format, ByteSink buffer, ref long alleles, ref long unknown)
        {
            if (!record.Chrom.SequenceEqual(_lastChrom))
            {
                _lastChrom = record.Chrom.ToArray();
                _lastChromText = Encoding.UTF8.GetString(_lastChrom);
                _lastMapped = MapContig(_lastChromText);
            }

            string chromText = _lastChromText;
            string? chrom = _lastMapped;
            if (format == AnnotationOutputFormat.Vcf && chrom is not null && (hits is null || hits.Length == 0) && TryWriteIntergenicSnv(record, chrom, buffer))
            {
                alleles++;
                return;
            }

            List<AlleleAnnotation> annotations = _annotations;
            annotations.Clear();
            if (chrom is null)
            {
                unknown++;
            }
            else
            {
                int position = (int)record.Position;
                string reference = AlleleText.Of(record.Ref);
                bool sameName = string.Equals(chrom, chromText, StringComparison.Ordinal);
                foreach (ReadOnlySpan<byte> alt in record.Alts)
                {
                    string altText = AlleleText.Of(alt);
                    AlleleAnnotation a = alt.Length > 2 && alt[0] == (byte)'<'
                        ? AnnotateStructural(record, chrom, chromText, position, reference, altText)
                        : _annotator.Annotate(chrom, position, reference, altText);
                    annotations.Add(sameName ? a : a with { Chromosome = chromText });
                    alleles++;
                }
            }

            Sources.SupplementaryAnnotator? supplementary = _owner.Supplementary;
            if (format == AnnotationOutputFormat.Vcf)
            {
                StringBuilder extra = _extra.Clear();
                if (hits is not null)
                {
                    supplementary!.AppendVcfInfo(extra, hits);
                }

                WriteVcfLine(record, annotations, buffer, _csq, extra);
                return;
            }

            for (int i = 0; i < annotations.Count; i++)
            {
                _json.Reset(buffer);
                WriteJson(_json, annotations[i], hits is null ? null : supplementary, hits, i);
                _json.Flush();
                buffer.Write((byte)'\n');
            }
        }

        /// <summary>
        /// A symbolic <c>&lt;DEL&gt;</c>, <c>&lt;DUP&gt;</c> or <c>&lt;INV&gt;</c> allele (subtypes included) with END or SVLEN:
        /// VEP's structural-variant terms per transcript (<see cref="StructuralVariantAnnotator"/>) and an HGVS-style g.
        /// range. A <c>&lt;CNV&gt;</c> (loss or gain differs per sample), <c>&lt;INS&gt;</c> and one that cannot be placed
        /// get no transcript annotation, as before.
        /// </summary>
        private AlleleAnnotation AnnotateStructural(VcfRecord record, string chrom, string chromText, int position, string reference, string alt)
        {
            if (!StructuralVariantReader.TryRead(record, reference, alt, position, copyNumberSample: null, out StructuralVariantEvent? sv))
            {
                return _annotator.Annotate(chrom, position, reference, alt);
            }

            List<TranscriptAnnotation> transcripts = _structural.Annotate(chrom, sv!.Start, sv.End, sv.Kind);
            ConsequenceTerm mostSevere = ConsequenceTerm.IntergenicVariant;
            foreach (TranscriptAnnotation t in transcripts)
            {
                if (t.Consequences.MostSevere < mostSevere)
                {
                    mostSevere = t.Consequences.MostSevere;
                }
            }

            return new AlleleAnnotation(chrom, position, reference, alt, mostSevere, StructuralVariantReader.Hgvs(chromText, sv), transcripts);
        }

        /// <summary>
        /// Most records of a genome: one upper-case base changed to another, with no transcript within the
        /// upstream/downstream distance. Their CSQ is written straight from the line's bytes (the same bytes as
        /// through <see cref="VariantAnnotator"/> and <see cref="CsqWriter.Write"/>); false for any other record.
        /// </summary>
        private bool TryWriteIntergenicSnv(VcfRecord record, string chrom, ByteSink buffer)
        {
            if (record.ColumnCount < 8)
            {
                return false;
            }

            ReadOnlySpan<byte> reference = record.Ref;
            ReadOnlySpan<byte> alt = record.AltText;
            if (reference.Length != 1 || alt.Length != 1 || !char.IsAsciiLetterUpper((char)reference[0])
                || !char.IsAsciiLetterUpper((char)alt[0]) || reference[0] == alt[0])
            {
                return false;
            }

            int position = (int)record.Position;
            if (_annotator.HasTranscriptsNear(chrom, position, position))
            {
                return false;
            }

            int infoEnd = WriteThroughInfo(record, buffer);
            buffer.Write("CSQ="u8);
            _csq.WriteIntergenicSnv(buffer, new GenomicSnv(chrom, position, (char)reference[0], (char)alt[0]));
            buffer.Write(record.Line[infoEnd..]);
            buffer.Write((byte)'\n');
            return true;
        }

        private string? MapContig(string name)
        {
            if (!_contigMap.TryGetValue(name, out string? mapped))
            {
                mapped = ContigNames.Match(name, _owner._cache.Transcripts.Chromosomes.Concat(_owner._cache.Sequence.Names));
                _contigMap[name] = mapped;
            }

            return mapped;
        }
    }

    private static void WriteVcfLine(VcfRecord record, List<AlleleAnnotation> annotations, ByteSink buffer, CsqWriter csq, StringBuilder extra)
    {
        ReadOnlySpan<byte> line = record.Line;

        // Columns 0-6 unchanged, INFO extended, the rest unchanged. Every allele writes at least one CSQ entry, so
        // CSQ is empty only when no allele was annotated.
        if (record.ColumnCount < 8 || (annotations.Count == 0 && extra.Length == 0))
        {
            buffer.Write(line);
            buffer.Write((byte)'\n');
            return;
        }

        int infoEnd = WriteThroughInfo(record, buffer);
        if (annotations.Count > 0)
        {
            buffer.Write("CSQ="u8);
            csq.Write(buffer, annotations);
            if (extra.Length > 0)
            {
                buffer.Write((byte)';');
            }
        }

        if (extra.Length > 0)
        {
            WriteUtf8(buffer, extra);
        }

        buffer.Write(line[infoEnd..]);
        buffer.Write((byte)'\n');
    }

    /// <summary>
    /// Writes the line up to the end of its INFO values and a ';' (nothing of an INFO that is '.'), ready for the
    /// fields added; returns where INFO ends, from which the rest of the line follows unchanged.
    /// </summary>
    private static int WriteThroughInfo(VcfRecord record, ByteSink buffer)
    {
        ReadOnlySpan<byte> line = record.Line;
        int infoStart = record.Layout.Starts[7];
        int infoEnd = record.Layout.Starts[8] - 1;
        ReadOnlySpan<byte> info = line[infoStart..infoEnd];
        buffer.Write(line[..infoStart]);
        if (!(info.Length == 1 && info[0] == (byte)'.'))
        {
            buffer.Write(info);
            buffer.Write((byte)';');
        }

        return infoEnd;
    }

    private static void WriteUtf8(ByteSink buffer, StringBuilder text)
    {
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            Span<byte> span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            buffer.Advance(Encoding.UTF8.GetBytes(chunk.Span, span));
        }
    }

    private static void WriteJson(Utf8JsonWriter json, AlleleAnnotation a, Sources.SupplementaryAnnotator? supplementary, Sources.SourceHit?[][]? hits, int allele)
    {
        json.WriteStartObject();
        json.WriteString("chrom", a.Chromosome);
        json.WriteNumber("pos", a.Position);
        json.WriteString("ref", a.Reference);
        json.WriteString("alt", a.Alternate);
        json.WriteString("mostSevere", a.MostSevere.Name());
        if (a.HgvsG is not null)
        {
            json.WriteString("hgvsg", a.HgvsG);
        }

        json.WriteStartArray("transcripts");
        foreach (TranscriptAnnotation t in a.Transcripts)
        {
            Transcript tx = t.Transcript;
            json.WriteStartObject();
            json.WriteString("transcript", tx.VersionedId);
            json.WriteString("gene", tx.GeneName);
            json.WriteString("geneId", tx.GeneId);
            json.WriteString("biotype", tx.Biotype);
            json.WriteNumber("strand", tx.Strand == Strand.Forward ? 1 : -1);
            json.WriteStartArray("consequences");
            foreach (ConsequenceTerm term in ConsequenceTerms.Enumerate(t.Consequences))
            {
                json.WriteStringValue(term.Name());
            }

            json.WriteEndArray();
            WriteOptional(json, "hgvsc", t.HgvsC);
            WriteOptional(json, "hgvsp", t.HgvsP);
            WriteOptional(json, "exon", t.ExonText());
            WriteOptional(json, "intron", t.IntronText());
            if (t.ProteinStart > 0)
            {
                json.WriteNumber("proteinStart", t.ProteinStart);
                json.WriteNumber("proteinEnd", t.ProteinEnd);
            }

            WriteOptional(json, "aminoAcids", t.AminoAcids);
            if (t.Distance > 0)
            {
                json.WriteNumber("distance", t.Distance);
            }

            if ((tx.Tags & TranscriptTags.ManeSelect) != 0)
            {
                json.WriteBoolean("maneSelect", true);
            }

            if ((tx.Tags & TranscriptTags.Canonical) != 0)
            {
                json.WriteBoolean("canonical", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (supplementary is not null && hits is not null)
        {
            supplementary.WriteJson(json, hits, allele, a.Transcripts.Select(t => t.Transcript.GeneName));
        }
        else
        {
            // No supplementary sources chosen: the keys are present and empty.
            json.WriteStartObject("frequencies");
            json.WriteEndObject();
            json.WriteStartObject("clinvar");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
