using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;

namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// Reads Ensembl/GENCODE/RefSeq GTF and GFF3 gene models from UTF-8 bytes (plain, gzip or BGZF).
/// Keeps genes, transcripts, exons and CDS (with phase); UTRs are implied by exons minus CDS.
/// Bad lines are skipped and reported as coded <see cref="GeneModelIssue"/>s; a file that is not the
/// format asked for stops the read with <c>ANN010</c>.
/// </summary>
public static class GeneModelReader
{
    private const int MaxIssues = 1000;

    /// <summary>Reads a gene-model file; gzip/BGZF is detected from the magic bytes.</summary>
    /// <param name="path">File path.</param>
    /// <param name="format">GTF or GFF3.</param>
    /// <returns>The transcripts and issues.</returns>
    public static GeneModel Read(string path, GeneModelFormat format)
    {
        using FileStream file = File.OpenRead(path);
        return Read(file, Path.GetFileName(path), format);
    }

    /// <summary>Reads a gene model from a stream; gzip/BGZF is detected from the magic bytes.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="fileName">Name used in issues.</param>
    /// <param name="format">GTF or GFF3.</param>
    /// <returns>The transcripts and issues.</returns>
    public static GeneModel Read(Stream stream, string fileName, GeneModelFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream buffered = stream.CanSeek ? new BufferedStream(stream, 1 << 16) : CopyToMemory(stream);
        int b0 = buffered.ReadByte();
        int b1 = buffered.ReadByte();
        buffered.Seek(0, SeekOrigin.Begin);
        Stream input = b0 == 0x1f && b1 == 0x8b ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
        var state = new ReaderState(fileName, format);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int filled = 0;
            bool eof = false;
            while (!state.Fatal)
            {
                if (!eof && filled < buffer.Length)
                {
                    int read = input.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0)
                    {
                        eof = true;
                    }

                    filled += read;
                }

                int consumed = 0;
                while (!state.Fatal)
                {
                    int newline = buffer.AsSpan(consumed, filled - consumed).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    state.ProcessLine(buffer.AsSpan(consumed, newline));
                    consumed += newline + 1;
                }

                if (eof && consumed == filled)
                {
                    break;
                }

                if (eof && consumed < filled && filled - consumed < buffer.Length)
                {
                    // Last line without a trailing newline.
                    state.ProcessLine(buffer.AsSpan(consumed, filled - consumed));
                    break;
                }

                if (consumed == 0 && filled == buffer.Length)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    continue;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!ReferenceEquals(input, buffered))
            {
                input.Dispose();
            }
        }

        return state.Finish();
    }

    private static MemoryStream CopyToMemory(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    private sealed class GeneInfo
    {
        public string? Id;
        public string? Name;
        public string? Biotype;
    }

    private sealed class FeatureInfo
    {
        public string Type = string.Empty;
        public string? Parent;
        public string? TranscriptId;
        public string? Version;
        public string? Name;
        public string? Biotype;
        public string? NcRnaClass;
        public string? GeneName;
        public string? GeneId;
        public string? GeneBiotype;
        public TranscriptTags Flags;
    }

    private sealed class TranscriptBuilder
    {
        public string Key = string.Empty;
        public string Chromosome = string.Empty;
        public byte[] ChromosomeBytes = [];
        public byte StrandByte;
        public long FirstLine;
        public bool Broken;
        public readonly List<(int Start, int End)> Exons = new(8);
        public readonly List<(int Start, int End, int Phase)> Cds = new(8);
        public readonly List<(int Start, int End)> Utrs = new(2);
        public string? ProteinId;
        public FeatureInfo? GtfInfo;
    }

    private sealed class ReaderState
    {
        private readonly string _file;
        private readonly GeneModelFormat _format;
        private readonly List<GeneModelIssue> _issues = [];
        private readonly Dictionary<string, TranscriptBuilder> _builders = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FeatureInfo> _features = new(StringComparer.Ordinal);
        private readonly Dictionary<string, GeneInfo> _genes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _chromosomes = new(StringComparer.Ordinal);
        private long _line;
        private long _dataLines;
        private long _issueCount;
        private bool _sawGffHeader;

        public ReaderState(string file, GeneModelFormat format)
        {
            _file = file;
            _format = format;
        }

        public bool Fatal { get; private set; }

        public void ProcessLine(ReadOnlySpan<byte> line)
        {
            _line++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                return;
            }

            if (line[0] == (byte)'#')
            {
                if (line.StartsWith("##gff-version"u8))
                {
                    _sawGffHeader = true;
                    if (_format == GeneModelFormat.Gtf)
                    {
                        Fail("ANN010", 0, "the file declares ##gff-version: it is a GFF3, not a GTF (use --gff3)");
                    }
                }

                if (line.StartsWith("##FASTA"u8))
                {
                    // GFF3 section 'Embedded sequence': nothing after this is a feature.
                    Fatal = true;
                }

                return;
            }

            _dataLines++;
            Span<Range> cols = stackalloc Range[10];
            int count = SplitTabs(line, cols);
            if (count != 9)
            {
                if (_dataLines == 1 && !_sawGffHeader && count < 9)
                {
                    string what = _format == GeneModelFormat.Gff3 ? "GFF3" : "GTF";
                    Fail("ANN010", 0, $"the first data line has {count} tab-separated column(s), not 9: this is not a {what} file");
                    return;
                }

                Issue("ANN001", count + 1, $"expected 9 tab-separated columns, found {count}");
                return;
            }

            ReadOnlySpan<byte> type = line[cols[2]];
            int kind = Classify(type);
            ReadOnlySpan<byte> attributes = line[cols[8]];
            if (_dataLines == 1)
            {
                bool looksGtf = attributes.IndexOf((byte)'"') >= 0 && attributes.IndexOf((byte)'=') < 0;
                if (_format == GeneModelFormat.Gff3 && looksGtf)
                {
                    Fail("ANN010", 9, "attributes are GTF-style (key \"value\";): this is a GTF, not a GFF3 (use --gtf)");
                    return;
                }

                if (_format == GeneModelFormat.Gtf && !looksGtf && attributes.IndexOf((byte)'=') >= 0)
                {
                    Fail("ANN010", 9, "attributes are GFF3-style (key=value): this is a GFF3, not a GTF (use --gff3)");
                    return;
                }
            }

            if (kind == KindOther && _format == GeneModelFormat.Gtf)
            {
                return;
            }

            if (!Utf8Parser.TryParse(line[cols[3]], out int start, out int used) || used != line[cols[3]].Length || start <= 0)
            {
                Issue("ANN002", 4, "start is not a positive integer");
                return;
            }

            if (!Utf8Parser.TryParse(line[cols[4]], out int end, out used) || used != line[cols[4]].Length || end <= 0)
            {
                Issue("ANN002", 5, "end is not a positive integer");
                return;
            }

            if (end < start)
            {
                Issue("ANN003", 5, $"end {end} is before start {start}");
                return;
            }

            ReadOnlySpan<byte> strand = line[cols[6]];
            if (strand.Length != 1 || (strand[0] != (byte)'+' && strand[0] != (byte)'-' && strand[0] != (byte)'.' && strand[0] != (byte)'?'))
            {
                Issue("ANN004", 7, "strand must be +, -, . or ?");
                return;
            }

            ReadOnlySpan<byte> phaseText = line[cols[7]];
            int phase = -1;
            if (phaseText.Length == 1 && phaseText[0] >= (byte)'0' && phaseText[0] <= (byte)'2')
            {
                phase = phaseText[0] - '0';
            }
            else if (!(phaseText.Length == 1 && phaseText[0] == (byte)'.'))
            {
                Issue("ANN005", 8, "phase must be 0, 1, 2 or .");
                return;
            }

            if (_format == GeneModelFormat.Gff3)
            {
                Gff3Line(line[cols[0]], kind, type, start, end, strand[0], phase, attributes);
            }
            else
            {
                GtfLine(line[cols[0]], kind, start, end, strand[0], phase, attributes);
            }
        }

        private const int KindOther = 0;
        private const int KindExon = 1;
        private const int KindCds = 2;
        private const int KindStopCodon = 3;
        private const int KindUtr = 4;
        private const int KindGtfTranscript = 5;

        private static int SplitTabs(ReadOnlySpan<byte> line, Span<Range> cols)
        {
            int count = 0;
            int start = 0;
            while (count < cols.Length)
            {
                int tab = line[start..].IndexOf((byte)'\t');
                if (tab < 0)
                {
                    cols[count++] = new Range(start, line.Length);
                    return count;
                }

                cols[count++] = new Range(start, start + tab);
                start += tab + 1;
            }

            return count + 1;
        }

        private static int Classify(ReadOnlySpan<byte> type)
        {
            if (type.SequenceEqual("exon"u8))
            {
                return KindExon;
            }

            if (type.SequenceEqual("CDS"u8))
            {
                return KindCds;
            }

            if (type.SequenceEqual("stop_codon"u8))
            {
                return KindStopCodon;
            }

            if (type.SequenceEqual("five_prime_UTR"u8) || type.SequenceEqual("three_prime_UTR"u8) || type.SequenceEqual("UTR"u8)
                || type.SequenceEqual("five_prime_utr"u8) || type.SequenceEqual("three_prime_utr"u8))
            {
                return KindUtr;
            }

            if (type.SequenceEqual("transcript"u8))
            {
                return KindGtfTranscript;
            }

            return KindOther;
        }

        private void Gff3Line(ReadOnlySpan<byte> seqid, int kind, ReadOnlySpan<byte> type, int start, int end, byte strand, int phase, ReadOnlySpan<byte> attributes)
        {
            if (kind is KindExon or KindCds or KindStopCodon or KindUtr)
            {
                ReadOnlySpan<byte> parents = Gff3Value(attributes, "Parent"u8);
                if (parents.IsEmpty)
                {
                    Issue("ANN006", 9, "exon/CDS without a Parent attribute");
                    return;
                }

                if (kind == KindCds && phase < 0)
                {
                    // GFF3 requires a phase on CDS; minimal files omit it for CDS that start in frame, so '.' reads as 0.
                    phase = 0;
                }

                foreach (Range r in parents.Split((byte)','))
                {
                    TranscriptBuilder builder = Builder(Decode(parents[r]), seqid, strand);
                    if (builder.Broken)
                    {
                        continue;
                    }

                    if (!SameLocus(builder, seqid, strand))
                    {
                        continue;
                    }

                    switch (kind)
                    {
                        case KindExon:
                            builder.Exons.Add((start, end));
                            break;
                        case KindCds:
                            builder.Cds.Add((start, end, phase));
                            if (builder.ProteinId is null)
                            {
                                ReadOnlySpan<byte> protein = Gff3Value(attributes, "protein_id"u8);
                                builder.ProteinId = protein.IsEmpty ? null : Decode(protein);
                            }

                            break;
                        case KindStopCodon:
                            builder.Cds.Add((start, end, -1));
                            break;
                        default:
                            builder.Utrs.Add((start, end));
                            break;
                    }
                }

                return;
            }

            ReadOnlySpan<byte> id = Gff3Value(attributes, "ID"u8);
            if (id.IsEmpty)
            {
                return;
            }

            // Only features that can be genes or transcripts are kept; everything else (regions, matches) is skipped.
            if (type.SequenceEqual("region"u8) || type.SequenceEqual("match"u8) || type.SequenceEqual("chromosome"u8)
                || type.SequenceEqual("biological_region"u8) || type.SequenceEqual("cDNA_match"u8))
            {
                return;
            }

            string key = Decode(id);
            var info = new FeatureInfo
            {
                Type = Encoding.UTF8.GetString(type),
                Parent = Optional(Gff3Value(attributes, "Parent"u8)),
                TranscriptId = Optional(Gff3Value(attributes, "transcript_id"u8)),
                Version = Optional(Gff3Value(attributes, "version"u8)),
                Name = Optional(Gff3Value(attributes, "Name"u8)),
                Biotype = Optional(Gff3Value(attributes, "biotype"u8)) ?? Optional(Gff3Value(attributes, "transcript_biotype"u8)),
                NcRnaClass = Optional(Gff3Value(attributes, "ncrna_class"u8)),
                GeneName = Optional(Gff3Value(attributes, "gene"u8)) ?? Optional(Gff3Value(attributes, "gene_name"u8)),
                GeneId = Optional(Gff3Value(attributes, "gene_id"u8)),
                GeneBiotype = Optional(Gff3Value(attributes, "gene_biotype"u8)),
                Flags = TagFlags(Gff3Value(attributes, "tag"u8)),
            };
            if (info.GeneId is null)
            {
                ReadOnlySpan<byte> dbxref = Gff3Value(attributes, "Dbxref"u8);
                int geneIdAt = dbxref.IndexOf("GeneID:"u8);
                if (geneIdAt >= 0)
                {
                    ReadOnlySpan<byte> rest = dbxref[(geneIdAt + 7)..];
                    int comma = rest.IndexOf((byte)',');
                    info.GeneId = Decode(comma < 0 ? rest : rest[..comma]);
                }
            }

            _features[key] = info;
        }

        private void GtfLine(ReadOnlySpan<byte> seqid, int kind, int start, int end, byte strand, int phase, ReadOnlySpan<byte> attributes)
        {
            ReadOnlySpan<byte> transcriptId = GtfValue(attributes, "transcript_id"u8);
            if (transcriptId.IsEmpty)
            {
                Issue("ANN006", 9, "GTF line without transcript_id");
                return;
            }

            TranscriptBuilder builder = Builder(Decode(transcriptId), seqid, strand);
            if (builder.Broken || !SameLocus(builder, seqid, strand))
            {
                return;
            }

            if (builder.GtfInfo is null || kind == KindGtfTranscript)
            {
                builder.GtfInfo = new FeatureInfo
                {
                    TranscriptId = builder.Key,
                    Version = Optional(GtfValue(attributes, "transcript_version"u8)),
                    Biotype = Optional(GtfValue(attributes, "transcript_biotype"u8)) ?? Optional(GtfValue(attributes, "transcript_type"u8)),
                    GeneId = Optional(GtfValue(attributes, "gene_id"u8)),
                    GeneName = Optional(GtfValue(attributes, "gene_name"u8)),
                    GeneBiotype = Optional(GtfValue(attributes, "gene_biotype"u8)) ?? Optional(GtfValue(attributes, "gene_type"u8)),
                    Flags = GtfTags(attributes),
                };
            }

            switch (kind)
            {
                case KindExon:
                    builder.Exons.Add((start, end));
                    break;
                case KindCds:
                    builder.Cds.Add((start, end, phase < 0 ? 0 : phase));
                    if (builder.ProteinId is null)
                    {
                        builder.ProteinId = Optional(GtfValue(attributes, "protein_id"u8));
                    }

                    break;
                case KindStopCodon:
                    builder.Cds.Add((start, end, -1));
                    break;
                case KindUtr:
                    builder.Utrs.Add((start, end));
                    break;
                default:
                    break;
            }
        }

        private TranscriptBuilder Builder(string key, ReadOnlySpan<byte> seqid, byte strand)
        {
            if (!_builders.TryGetValue(key, out TranscriptBuilder? builder))
            {
                builder = new TranscriptBuilder
                {
                    Key = key,
                    Chromosome = Chromosome(seqid),
                    ChromosomeBytes = seqid.ToArray(),
                    StrandByte = strand,
                    FirstLine = _line,
                };
                _builders.Add(key, builder);
            }

            return builder;
        }

        private bool SameLocus(TranscriptBuilder builder, ReadOnlySpan<byte> seqid, byte strand)
        {
            if (builder.StrandByte != strand || !seqid.SequenceEqual(builder.ChromosomeBytes))
            {
                builder.Broken = true;
                Issue("ANN007", 1, $"transcript {builder.Key} has parts on two sequences or strands");
                return false;
            }

            return true;
        }

        private string Chromosome(ReadOnlySpan<byte> seqid)
        {
            Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = _chromosomes.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<char> chars = stackalloc char[Math.Min(seqid.Length, 256)];
            int n = Encoding.UTF8.GetChars(seqid[..Math.Min(seqid.Length, 256)], chars);
            if (lookup.TryGetValue(chars[..n], out string? existing))
            {
                return existing;
            }

            string name = new(chars[..n]);
            _chromosomes[name] = name;
            return name;
        }

        public GeneModel Finish()
        {
            if (Fatal && _issues.Count > 0 && _issues[^1].Code == "ANN010")
            {
                return new GeneModel([], _issues, _dataLines);
            }

            var transcripts = new List<Transcript>(_builders.Count);
            foreach (TranscriptBuilder builder in _builders.Values)
            {
                if (builder.Broken)
                {
                    continue;
                }

                Transcript? transcript = Build(builder);
                if (transcript is not null)
                {
                    transcripts.Add(transcript);
                }
            }

            if (transcripts.Count == 0 && _issues.Count == 0)
            {
                _issues.Add(new GeneModelIssue("ANN011", _file, 0, 0, "no transcripts (no exon or CDS lines with a parent) in the file"));
            }

            return new GeneModel(transcripts, _issues, _dataLines);
        }

        private Transcript? Build(TranscriptBuilder b)
        {
            FeatureInfo? info;
            GeneInfo gene = new();
            if (_format == GeneModelFormat.Gtf)
            {
                info = b.GtfInfo ?? new FeatureInfo();
                gene.Id = info.GeneId;
                gene.Name = info.GeneName;
                gene.Biotype = info.GeneBiotype;
            }
            else
            {
                if (!_features.TryGetValue(b.Key, out info))
                {
                    IssueAt("ANN006", b.FirstLine, 9, $"parent {b.Key} is never defined");
                    return null;
                }

                if (info.Parent is not null && _features.TryGetValue(info.Parent, out FeatureInfo? geneFeature))
                {
                    gene.Id = geneFeature.GeneId ?? StripPrefix(info.Parent);
                    gene.Name = geneFeature.Name ?? geneFeature.GeneName;
                    gene.Biotype = geneFeature.Biotype ?? geneFeature.GeneBiotype;
                }
                else
                {
                    gene.Id = info.GeneId ?? (info.Parent is null ? null : StripPrefix(info.Parent));
                    gene.Name = info.GeneName;
                    gene.Biotype = info.GeneBiotype;
                }

                gene.Name ??= info.GeneName;
            }

            List<(int Start, int End)> exons = b.Exons;
            if (exons.Count == 0)
            {
                // No exon lines (some minimal GFF3s): the exons are the union of CDS and UTR pieces.
                foreach ((int s, int e, int _) in b.Cds)
                {
                    exons.Add((s, e));
                }

                exons.AddRange(b.Utrs);
            }

            if (exons.Count == 0)
            {
                return null;
            }

            exons.Sort();
            var merged = new List<(int Start, int End)>(exons.Count);
            foreach ((int s, int e) in exons)
            {
                if (merged.Count > 0 && s <= merged[^1].End + (b.Exons.Count == 0 ? 1 : 0))
                {
                    if (b.Exons.Count > 0)
                    {
                        IssueAt("ANN007", b.FirstLine, 0, $"transcript {b.Key} has overlapping exons");
                        return null;
                    }

                    merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, e));
                    continue;
                }

                merged.Add((s, e));
            }

            int codingStart = 0;
            int codingEnd = 0;
            byte startPhase = 0;
            Strand strand = b.StrandByte == (byte)'-' ? Strand.Reverse : Strand.Forward;
            bool hasCds = false;
            foreach ((int s, int e, int p) in b.Cds)
            {
                if (p >= 0)
                {
                    hasCds = true;
                }
            }

            if (hasCds)
            {
                codingStart = int.MaxValue;
                int firstInTranscriptOrder = strand == Strand.Forward ? int.MaxValue : int.MinValue;
                foreach ((int s, int e, int p) in b.Cds)
                {
                    codingStart = Math.Min(codingStart, s);
                    codingEnd = Math.Max(codingEnd, e);
                    if (p < 0)
                    {
                        continue;
                    }

                    if (strand == Strand.Forward ? s < firstInTranscriptOrder : e > firstInTranscriptOrder)
                    {
                        firstInTranscriptOrder = strand == Strand.Forward ? s : e;
                        startPhase = (byte)p;
                    }
                }

                if (!Inside(merged, codingStart) || !Inside(merged, codingEnd))
                {
                    IssueAt("ANN007", b.FirstLine, 0, $"transcript {b.Key} has CDS outside its exons");
                    return null;
                }
            }

            TranscriptTags flags = info.Flags;
            if (startPhase != 0)
            {
                flags |= TranscriptTags.CdsStartIncomplete;
            }

            string id = info.TranscriptId
                ?? (b.Key.StartsWith("transcript:", StringComparison.Ordinal) ? StripPrefix(b.Key) : null)
                ?? info.Name
                ?? StripPrefix(b.Key);
            string? version = info.Version;
            if (version is not null && id.Contains('.', StringComparison.Ordinal))
            {
                version = null;
            }

            string biotype = info.Biotype ?? info.Type switch
            {
                "mRNA" => "protein_coding",
                "lnc_RNA" => "lncRNA",
                "ncRNA" => info.NcRnaClass ?? "ncRNA",
                "" => hasCds ? "protein_coding" : "transcript",
                _ => info.Type,
            };
            if (biotype == "transcript" && hasCds)
            {
                biotype = "protein_coding";
            }

            if (biotype == "transcript" && gene.Biotype is not null)
            {
                biotype = gene.Biotype;
            }

            int[] starts = new int[merged.Count];
            int[] ends = new int[merged.Count];
            for (int i = 0; i < merged.Count; i++)
            {
                starts[i] = merged[i].Start;
                ends[i] = merged[i].End;
            }

            string geneId = gene.Id ?? id;
            return new Transcript(
                id,
                version,
                geneId,
                gene.Name ?? geneId,
                biotype,
                b.Chromosome,
                strand,
                starts,
                ends,
                codingStart,
                codingEnd,
                startPhase,
                flags,
                b.ProteinId);
        }

        private static bool Inside(List<(int Start, int End)> exons, int position)
        {
            foreach ((int s, int e) in exons)
            {
                if (position >= s && position <= e)
                {
                    return true;
                }
            }

            return false;
        }

        private static string StripPrefix(string key)
        {
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && colon < key.Length - 1 && !key.StartsWith("NC_", StringComparison.Ordinal) ? key[(colon + 1)..] : key;
        }

        private void Issue(string code, int column, string message) => IssueAt(code, _line, column, message);

        private void IssueAt(string code, long line, int column, string message)
        {
            _issueCount++;
            if (_issues.Count < MaxIssues)
            {
                _issues.Add(new GeneModelIssue(code, _file, line, column, message));
            }
        }

        private void Fail(string code, int column, string message)
        {
            _issues.Add(new GeneModelIssue(code, _file, _line, column, message));
            Fatal = true;
        }

        private static string? Optional(ReadOnlySpan<byte> value) => value.IsEmpty ? null : Decode(value);

        private static TranscriptTags TagFlags(ReadOnlySpan<byte> tags)
        {
            TranscriptTags flags = TranscriptTags.None;
            foreach (Range r in tags.Split((byte)','))
            {
                flags |= TagFlag(tags[r]);
            }

            return flags;
        }

        private static TranscriptTags GtfTags(ReadOnlySpan<byte> attributes)
        {
            TranscriptTags flags = TranscriptTags.None;
            ReadOnlySpan<byte> rest = attributes;
            while (true)
            {
                int at = rest.IndexOf("tag \""u8);
                if (at < 0)
                {
                    break;
                }

                rest = rest[(at + 5)..];
                int quote = rest.IndexOf((byte)'"');
                if (quote < 0)
                {
                    break;
                }

                flags |= TagFlag(rest[..quote]);
                rest = rest[quote..];
            }

            return flags;
        }

        private static TranscriptTags TagFlag(ReadOnlySpan<byte> tag)
        {
            if (tag.SequenceEqual("MANE_Select"u8) || tag.SequenceEqual("MANE Select"u8) || tag.SequenceEqual("MANE%20Select"u8))
            {
                return TranscriptTags.ManeSelect;
            }

            if (tag.SequenceEqual("MANE_Plus_Clinical"u8) || tag.SequenceEqual("MANE Plus Clinical"u8))
            {
                return TranscriptTags.ManePlusClinical;
            }

            if (tag.SequenceEqual("Ensembl_canonical"u8))
            {
                return TranscriptTags.Canonical;
            }

            if (tag.SequenceEqual("basic"u8))
            {
                return TranscriptTags.Basic;
            }

            if (tag.SequenceEqual("cds_start_NF"u8))
            {
                return TranscriptTags.CdsStartIncomplete;
            }

            return tag.SequenceEqual("cds_end_NF"u8) ? TranscriptTags.CdsEndIncomplete : TranscriptTags.None;
        }

        /// <summary>The raw value of <paramref name="key"/> in a GFF3 column-9 (<c>k=v;k=v</c>), or empty.</summary>
        private static ReadOnlySpan<byte> Gff3Value(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> key)
        {
            ReadOnlySpan<byte> rest = attributes;
            while (!rest.IsEmpty)
            {
                int semi = rest.IndexOf((byte)';');
                ReadOnlySpan<byte> pair = semi < 0 ? rest : rest[..semi];
                rest = semi < 0 ? default : rest[(semi + 1)..];
                pair = pair.TrimStart((byte)' ');
                if (pair.Length > key.Length && pair[key.Length] == (byte)'=' && pair.StartsWith(key))
                {
                    return pair[(key.Length + 1)..];
                }
            }

            return default;
        }

        /// <summary>The value of <paramref name="key"/> in a GTF column-9 (<c>k "v"; k "v";</c>), or empty.</summary>
        private static ReadOnlySpan<byte> GtfValue(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> key)
        {
            ReadOnlySpan<byte> rest = attributes;
            while (!rest.IsEmpty)
            {
                rest = rest.TrimStart((byte)' ');
                int space = rest.IndexOf((byte)' ');
                if (space < 0)
                {
                    return default;
                }

                bool match = rest[..space].SequenceEqual(key);
                rest = rest[(space + 1)..];
                ReadOnlySpan<byte> value;
                if (!rest.IsEmpty && rest[0] == (byte)'"')
                {
                    int close = rest[1..].IndexOf((byte)'"');
                    if (close < 0)
                    {
                        return default;
                    }

                    value = rest.Slice(1, close);
                    rest = rest[(close + 2)..];
                }
                else
                {
                    int semi = rest.IndexOf((byte)';');
                    value = semi < 0 ? rest : rest[..semi];
                    rest = semi < 0 ? default : rest[semi..];
                }

                int next = rest.IndexOf((byte)';');
                rest = next < 0 ? default : rest[(next + 1)..];
                if (match)
                {
                    return value;
                }
            }

            return default;
        }

        /// <summary>Decodes GFF3 percent-escapes (%2C, %3B, %3D, %25 ...) into a string.</summary>
        private static string Decode(ReadOnlySpan<byte> value)
        {
            if (value.IndexOf((byte)'%') < 0)
            {
                return Encoding.UTF8.GetString(value);
            }

            byte[] buffer = new byte[value.Length];
            int n = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] == (byte)'%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
                {
                    buffer[n++] = (byte)((Hex(value[i + 1]) << 4) | Hex(value[i + 2]));
                    i += 2;
                }
                else
                {
                    buffer[n++] = value[i];
                }
            }

            return Encoding.UTF8.GetString(buffer, 0, n);
        }

        private static bool IsHex(byte b) => (b >= (byte)'0' && b <= (byte)'9') || (b >= (byte)'A' && b <= (byte)'F') || (b >= (byte)'a' && b <= (byte)'f');

        private static int Hex(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
