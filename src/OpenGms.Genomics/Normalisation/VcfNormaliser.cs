using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Normalisation;

/// <summary>Counts from one normalisation run.</summary>
public sealed record NormaliseSummary(long RecordsIn, long RecordsOut, long Realigned, long Split, long RefMismatches, long Excluded, long DuplicatesRemoved, long Joined, IReadOnlyList<string> Warnings);

/// <summary>
/// Normalises a VCF stream as bcftools norm does (see docs/normalisation.md for the option meanings and the
/// known differences). Records that need no change (most SNPs) are copied through as bytes after a one-base
/// REF check; only records that change are parsed into fields. Output is sorted within <see cref="NormaliseOptions.SiteWindow"/>
/// because left-alignment can move a record before ones already read.
/// </summary>
public sealed class VcfNormaliser
{
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(" \t'\"");

    /// <summary>Line buffers kept for reuse; more are pending only when many records share a window.</summary>
    private const int MaxPooledLines = 4096;

    private readonly NormaliseOptions _options;
    private readonly ReferenceGenome? _reference;
    private readonly List<Pending> _pending = [];
    private readonly StringBuilder _sb = new();

    // Buffers of pending lines, reused by this normaliser: ArrayPool.Shared's thread-local lookup on every Rent and
    // Return showed in the profile (about 3% of the parsing thread), and at most a window's worth of lines is pending.
    private readonly Stack<byte[]> _lineBuffers = new();
    private NormHeader _header = new();
    private Realigner? _realigner;
    private ByteRealigner? _byteRealigner;
    private Splitter? _splitter;
    private Stream _output = Stream.Null;
    private byte[] _chromBytes = [];
    private string _chrom = "";
    private long _recordsIn;
    private long _recordsOut;
    private long _realigned;
    private long _split;
    private long _mismatches;
    private long _excluded;
    private long _duplicates;
    private long _joined;

    // Duplicate detection state for the position last written.
    private string? _dupChrom;
    private long _dupPos = -1;
    private VariantKinds _dupSeenKinds;
    private readonly HashSet<string> _dupSeenExact = new(StringComparer.Ordinal);

    /// <summary>Creates a normaliser; <paramref name="reference"/> is needed for left-alignment and REF checks (<c>-f</c>).</summary>
    public VcfNormaliser(NormaliseOptions options, ReferenceGenome? reference)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _reference = reference;
    }

    /// <summary>The command line recorded in the output header (<c>##gms_normCommand</c>), if any.</summary>
    public string? CommandLine { get; init; }

    /// <summary>
    /// Realign biallelic records on their bytes (<see cref="ByteRealigner"/>) when the result is the same as the
    /// general path's; false sends every such record through <see cref="NormRecord"/> (the oracle in tests).
    /// </summary>
    internal bool UseBytePath { get; init; } = true;

    /// <summary>
    /// The <c>##gms_normCommand</c> value for a process's arguments as <see cref="Environment.GetCommandLineArgs"/>
    /// gives them (the program path first, then every argument, the command words included): <c>gms</c> and the
    /// arguments once, each quoted when it holds a space, as bcftools records <c>norm ...</c> once.
    /// </summary>
    public static string FormatCommandLine(IReadOnlyList<string> commandLineArgs)
    {
        ArgumentNullException.ThrowIfNull(commandLineArgs);
        var sb = new StringBuilder("gms");
        for (int i = 1; i < commandLineArgs.Count; i++)
        {
            string a = commandLineArgs[i];
            sb.Append(' ');
            if (a.Length == 0 || a.AsSpan().IndexOfAny(s_needsQuotes) >= 0)
            {
                sb.Append('\'').Append(a.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
            }
            else
            {
                sb.Append(a);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Starts compiling the per-record methods that a run reaches after its first records (the byte path, the general
    /// path, the tabix indexer) on a thread-pool thread, so that for a long input they are ready when needed instead
    /// of being compiled, one after another, on the parsing thread while the other core is idle. Optional: without
    /// it they are compiled on first use as usual. Worth calling only for inputs of more than a few megabytes.
    /// </summary>
    public static void StartWarmUp() => ThreadPool.UnsafeQueueUserWorkItem(static _ => WarmUp(), null);

    private static void WarmUp()
    {
        foreach (MethodInfo method in WarmUpMethods(out _))
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
    }

    /// <summary>The methods <see cref="StartWarmUp"/> compiles; <paramref name="names"/> is how many names were listed (a test checks each is found).</summary>
    internal static List<MethodInfo> WarmUpMethods(out int names)
    {
        // Roughly in the order a run needs them after the first record: the general path (the first multiallelic
        // record), the indexer on the writer thread, then the byte path. The parsing thread compiles the methods of
        // the first record itself; a method being compiled here is waited for there, never compiled twice.
        (Type Type, string Name)[] listed =
        [
            (typeof(VcfNormaliser), nameof(ProcessRecord)),
            (typeof(NormRecord), nameof(NormRecord.Parse)),
            (typeof(Splitter), nameof(Splitter.Split)),
            (typeof(Realigner), "RealignCore"),
            (typeof(Realigner), "AlignAndTrim"),
            (typeof(NormRecord), nameof(NormRecord.AppendTo)),
            (typeof(VcfNormaliser), nameof(AddRecord)),
            (typeof(BgzfVcfLineIndexer), nameof(BgzfVcfLineIndexer.AddBlock)),
            (typeof(BgzfVcfIndexer), nameof(BgzfVcfIndexer.AddLine)),
            (typeof(Indexing.TabixIndexBuilder), nameof(Indexing.TabixIndexBuilder.Add)),
            (typeof(VcfNormaliser), nameof(TryRealignBytes)),
            (typeof(VcfNormaliser), nameof(RestRoundTrips)),
            (typeof(ByteRealigner), nameof(ByteRealigner.TryRealign)),
            (typeof(VcfNormaliser), nameof(IsNormalisedIndel)),
        ];
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<MethodInfo>(listed.Length);
        foreach ((Type type, string name) in listed)
        {
            foreach (MethodInfo method in type.GetMethods(Any))
            {
                if (method.Name == name && !method.IsGenericMethodDefinition)
                {
                    found.Add(method);
                }
            }
        }

        names = listed.Length;
        return found;
    }

    /// <summary>
    /// Reads uncompressed VCF text from <paramref name="input"/> (open compressed files with
    /// <see cref="Bgzf.BgzfReadStream.OpenRead"/>) and writes normalised VCF text to <paramref name="output"/>.
    /// Bad input stops with a <see cref="NormaliseException"/>.
    /// </summary>
    public NormaliseSummary Run(Stream input, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _header = new NormHeader();
        _splitter = new Splitter(_header, _options);
        _realigner = _reference is null ? null : new Realigner(_reference, _options);
        // The byte path covers plain left-align/trim only: options that edit more of the record use the general path.
        _byteRealigner = _reference is null || !UseBytePath || _options.DoNotNormalise || _options.Atomize || _options.OldRecTag is not null
            ? null
            : new ByteRealigner(_reference);
        var reader = new LineReader(input);
        bool headerDone = false;
        long lineNo = 0;
        while (reader.TryReadLine(out ReadOnlySpan<byte> line))
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            if (!headerDone)
            {
                if (line[0] == (byte)'#')
                {
                    string text = Encoding.UTF8.GetString(line);
                    if (text.StartsWith("##", StringComparison.Ordinal))
                    {
                        _header.AddMetaLine(text);
                    }
                    else
                    {
                        _header.SetColumnLine(text);
                        WriteHeader();
                        headerDone = true;
                    }

                    continue;
                }

                WriteHeader();
                headerDone = true;
            }

            if ((lineNo & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            _recordsIn++;
            ProcessLine(line, lineNo);
        }

        if (!headerDone)
        {
            WriteHeader();
        }

        FlushAll();
        _output.Flush();
        return new NormaliseSummary(_recordsIn, _recordsOut, _realigned, _split, _mismatches, _excluded, _duplicates, _joined, _realigner?.Warnings ?? []);
    }

    private void WriteHeader()
    {
        _header.EnsurePassFilter();
        if (_options.OldRecTag is string tag)
        {
            _header.EnsureInfo(tag, "1", "String", "Original variant. Format: CHR|POS|REF|ALT|USED_ALT_IDX");
        }

        if (CommandLine is not null)
        {
            _header.AddRawLine("##gms_normCommand=" + CommandLine);
        }

        var sb = new StringBuilder();
        foreach (string m in _header.MetaLines)
        {
            sb.Append(m).Append('\n');
        }

        sb.Append(_header.ColumnLine).Append('\n');
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        _output.Write(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessLine(ReadOnlySpan<byte> line, long lineNo)
    {
        // Columns: CHROM POS ID REF ALT ...
        int t1 = line.IndexOf((byte)'\t');
        if (t1 <= 0)
        {
            throw new NormaliseException("NORM001", lineNo, "fewer than 8 tab-separated columns");
        }

        ReadOnlySpan<byte> chrom = line[..t1];
        ReadOnlySpan<byte> rest = line[(t1 + 1)..];
        int t2 = rest.IndexOf((byte)'\t');
        if (t2 < 0 || !Utf8Parser.TryParse(rest[..t2], out long pos, out int consumed) || consumed != t2)
        {
            throw new NormaliseException("NORM002", lineNo, "POS is not an integer");
        }

        ReadOnlySpan<byte> afterPos = rest[(t2 + 1)..];
        int t3 = afterPos.IndexOf((byte)'\t');
        ReadOnlySpan<byte> afterId = t3 < 0 ? default : afterPos[(t3 + 1)..];
        int t4 = afterId.IndexOf((byte)'\t');
        if (t3 < 0 || t4 < 0)
        {
            throw new NormaliseException("NORM001", lineNo, "fewer than 8 tab-separated columns");
        }

        ReadOnlySpan<byte> refAllele = afterId[..t4];
        ReadOnlySpan<byte> afterRef = afterId[(t4 + 1)..];
        int t5 = afterRef.IndexOf((byte)'\t');
        ReadOnlySpan<byte> alt = t5 < 0 ? afterRef : afterRef[..t5];

        if (!chrom.SequenceEqual(_chromBytes))
        {
            FlushAll();
            _chromBytes = chrom.ToArray();
            _chrom = Encoding.UTF8.GetString(chrom);
        }

        if (IsSimple(refAllele, alt, pos))
        {
            if (t5 >= 0)
            {
                CheckSampleFields(afterRef[(t5 + 1)..], lineNo);
            }

            Add(pos, line, lineNo);
            return;
        }

        if (_byteRealigner is not null && t5 >= 0)
        {
            int idStart = t1 + 1 + t2 + 1;
            int refStart = idStart + t3 + 1;
            int restStart = refStart + t4 + 1 + t5 + 1;
            if (TryRealignBytes(line, lineNo, pos, idStart, refStart, restStart))
            {
                return;
            }
        }

        NormRecord record = NormRecord.Parse(Encoding.UTF8.GetString(line), lineNo);
        record.Chrom = _chrom;
        ProcessRecord(record);
    }

    /// <summary>
    /// NORM021 for a line copied through unparsed, as <see cref="NormRecord.Parse"/> gives it for the others: a sample
    /// with more fields than FORMAT has keys (htslib stops at any such record, changed or not). Fewer fields are
    /// allowed (trailing fields may be dropped).
    /// </summary>
    /// <param name="fromQual">The line from QUAL on.</param>
    /// <param name="lineNo">Line number for the error.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckSampleFields(ReadOnlySpan<byte> fromQual, long lineNo)
    {
        ReadOnlySpan<byte> rest = fromQual;
        for (int column = 0; column < 3; column++)
        {
            // QUAL, FILTER and INFO: FORMAT follows the third tab.
            int tab = rest.IndexOf((byte)'\t');
            if (tab < 0)
            {
                return;
            }

            rest = rest[(tab + 1)..];
        }

        int formatEnd = rest.IndexOf((byte)'\t');
        if (formatEnd < 0)
        {
            return;
        }

        ReadOnlySpan<byte> format = rest[..formatEnd];
        int keys = format.Count((byte)':') + 1;
        rest = rest[(formatEnd + 1)..];
        for (int sample = 1; ; sample++)
        {
            int tab = rest.IndexOf((byte)'\t');
            ReadOnlySpan<byte> value = tab < 0 ? rest : rest[..tab];
            int fields = value.Count((byte)':') + 1;
            if (fields > keys)
            {
                throw new NormaliseException(
                    "NORM021",
                    lineNo,
                    $"sample column {sample.ToString(CultureInfo.InvariantCulture)} has {fields.ToString(CultureInfo.InvariantCulture)} fields but FORMAT has {keys.ToString(CultureInfo.InvariantCulture)} keys ({Encoding.UTF8.GetString(format)})");
            }

            if (tab < 0)
            {
                return;
            }

            rest = rest[(tab + 1)..];
        }
    }

    /// <summary>
    /// The byte path for a biallelic record: realigned on its bytes and written by copying the unchanged parts of
    /// the line. Taken only when the general path would write the same bytes: the rest of the line must survive
    /// <see cref="NormRecord"/>'s parse and write unchanged (valid UTF-8, canonical POS, no empty INFO items or
    /// values, no INFO/END to shift, every sample with one value per FORMAT key). Otherwise returns false.
    /// </summary>
    /// <remarks><c>idStart</c>, <c>refStart</c> and <c>restStart</c> are the offsets of the ID, REF and QUAL columns in the line; from QUAL on the line is copied as it is.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryRealignBytes(ReadOnlySpan<byte> line, long lineNo, long pos, int idStart, int refStart, int restStart)
    {
        int posStart = _chromBytes.Length + 1;
        if ((uint)(line[posStart] - (byte)'1') > 8)
        {
            // A leading zero or sign: the general path writes POS in its canonical form.
            return false;
        }

        ReadOnlySpan<byte> refAllele = line[refStart..];
        refAllele = refAllele[..refAllele.IndexOf((byte)'\t')];
        int altStart = refStart + refAllele.Length + 1;
        ReadOnlySpan<byte> alt = line[altStart..(restStart - 1)];
        if (alt.IndexOf((byte)',') >= 0 || !RestRoundTrips(line[restStart..]) || !System.Text.Unicode.Utf8.IsValid(line))
        {
            return false;
        }

        switch (_byteRealigner!.TryRealign(_chrom, pos, refAllele, alt, out long newPos, out ReadOnlySpan<byte> newRef, out ReadOnlySpan<byte> newAlt))
        {
            case ByteRealignResult.Unchanged:
                Add(pos, line, lineNo);
                return true;
            case ByteRealignResult.Changed:
                ReadOnlySpan<byte> rest = line[restStart..];
                byte[] bytes = RentLine(posStart + 20 + (refStart - idStart) + newRef.Length + newAlt.Length + 2 + rest.Length);
                Span<byte> o = bytes;
                line[..posStart].CopyTo(o);
                int n = posStart;
                Utf8Formatter.TryFormat(newPos, o[n..], out int written);
                n += written;
                o[n++] = (byte)'\t';
                line[idStart..refStart].CopyTo(o[n..]);
                n += refStart - idStart;
                newRef.CopyTo(o[n..]);
                n += newRef.Length;
                o[n++] = (byte)'\t';
                newAlt.CopyTo(o[n..]);
                n += newAlt.Length;
                o[n++] = (byte)'\t';
                rest.CopyTo(o[n..]);
                n += rest.Length;
                _realigned++;
                Insert(new Pending(newPos, bytes, n, lineNo));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when QUAL onwards would be written back unchanged by <see cref="NormRecord.Parse"/> and
    /// <see cref="NormRecord.AppendTo"/>: QUAL, FILTER and INFO present; INFO '.' or items that are all non-empty,
    /// with no empty value (written '.') and no END (shifted by realignment); one value per FORMAT key in each sample
    /// (short samples are padded, long ones stop with NORM021).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool RestRoundTrips(ReadOnlySpan<byte> rest)
    {
        int tab = rest.IndexOf((byte)'\t');
        if (tab < 0)
        {
            return false;
        }

        rest = rest[(tab + 1)..];
        tab = rest.IndexOf((byte)'\t');
        if (tab < 0)
        {
            return false;
        }

        rest = rest[(tab + 1)..];
        tab = rest.IndexOf((byte)'\t');
        ReadOnlySpan<byte> info = tab < 0 ? rest : rest[..tab];
        if (!(info.Length == 1 && info[0] == (byte)'.'))
        {
            while (true)
            {
                int semi = info.IndexOf((byte)';');
                ReadOnlySpan<byte> item = semi < 0 ? info : info[..semi];
                int eq = item.IndexOf((byte)'=');
                ReadOnlySpan<byte> key = eq < 0 ? item : item[..eq];
                if (item.Length == 0 || eq == item.Length - 1 || key.SequenceEqual("END"u8))
                {
                    return false;
                }

                if (semi < 0)
                {
                    break;
                }

                info = info[(semi + 1)..];
            }
        }

        if (tab < 0)
        {
            return true;
        }

        rest = rest[(tab + 1)..];
        tab = rest.IndexOf((byte)'\t');
        int keys = (tab < 0 ? rest : rest[..tab]).Count((byte)':') + 1;
        while (tab >= 0)
        {
            rest = rest[(tab + 1)..];
            tab = rest.IndexOf((byte)'\t');
            if ((tab < 0 ? rest : rest[..tab]).Count((byte)':') + 1 != keys)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the record can be copied unchanged: one-base REF that matches the reference, every ALT one base
    /// (or '.'), and no split requested for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsSimple(ReadOnlySpan<byte> refAllele, ReadOnlySpan<byte> alt, long pos)
    {
        if (refAllele.Length != 1 || !IsAcgt(refAllele[0]))
        {
            return IsNormalisedIndel(refAllele, alt, pos);
        }

        bool multi = false;
        for (int i = 0; i < alt.Length; i++)
        {
            byte b = alt[i];
            if (i % 2 == 1)
            {
                if (b != (byte)',')
                {
                    return false;
                }

                multi = true;
            }
            else if (!IsAcgt(b) && !(b == (byte)'.' && alt.Length == 1))
            {
                return false;
            }
        }

        if (alt.Length % 2 == 0 || (multi && (_options.Splits || _options.Atomize)))
        {
            return false;
        }

        if (multi)
        {
            // Duplicate ALTs (A,A) or ALT == REF need the slow path.
            for (int i = 0; i < alt.Length; i += 2)
            {
                if ((alt[i] & 0xDF) == (refAllele[0] & 0xDF))
                {
                    return false;
                }
            }
        }

        if (_reference is null)
        {
            return true;
        }

        return _reference.TryFetchRaw(_chrom, pos - 1, pos, out ReadOnlySpan<byte> b0) && b0.Length == 1 && (b0[0] & 0xDF) == (refAllele[0] & 0xDF);
    }

    /// <summary>
    /// A biallelic indel that realignment would leave alone: one allele is a single base equal to the other's first
    /// base, the last bases differ (nothing to trim or shift), everything is ACGT and REF matches the reference.
    /// Callers such as GATK already write most indels this way, so they skip parsing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsNormalisedIndel(ReadOnlySpan<byte> refAllele, ReadOnlySpan<byte> alt, long pos)
    {
        if (refAllele.Length == alt.Length || Math.Min(refAllele.Length, alt.Length) != 1 || _options.DoNotNormalise)
        {
            return false;
        }

        if ((refAllele[0] & 0xDF) != (alt[0] & 0xDF) || (refAllele[^1] & 0xDF) == (alt[^1] & 0xDF))
        {
            return false;
        }

        foreach (byte b in refAllele)
        {
            if (!IsAcgt(b))
            {
                return false;
            }
        }

        foreach (byte b in alt)
        {
            if (!IsAcgt(b))
            {
                return false;
            }
        }

        if (_reference is null)
        {
            return true;
        }

        if (!_reference.TryFetchRaw(_chrom, pos - 1, pos - 1 + refAllele.Length, out ReadOnlySpan<byte> bases) || bases.Length != refAllele.Length)
        {
            return false;
        }

        for (int i = 0; i < bases.Length; i++)
        {
            if ((bases[i] & 0xDF) != (refAllele[i] & 0xDF))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAcgt(byte b) => (b & 0xDF) is (byte)'A' or (byte)'C' or (byte)'G' or (byte)'T';

    // The general path runs for a few percent of records but for most of a run: optimised from the first call, as
    // tier-up came late in the profile (two thirds of its time was spent in tier-0 code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessRecord(NormRecord record)
    {
        string original = string.Empty;
        if (_options.OldRecTag is not null)
        {
            original = $"{record.Chrom}|{record.Pos.ToString(CultureInfo.InvariantCulture)}|{record.Alleles[0]}|{AltText(record)}";
        }

        List<NormRecord> parts;
        bool split = _options.Splits && _splitter!.ShouldSplit(record);
        if (split)
        {
            parts = _splitter!.Split(record);
            _split++;
        }
        else
        {
            parts = [record];
        }

        for (int i = 0; i < parts.Count; i++)
        {
            NormRecord part = parts[i];
            bool changed = split;
            if (_realigner is not null)
            {
                RealignOutcome outcome = _realigner.Realign(part);
                switch (outcome)
                {
                    case RealignOutcome.Changed:
                        changed = true;
                        _realigned++;
                        break;
                    case RealignOutcome.RefMismatch:
                        _mismatches++;
                        if (_options.RefCheck is RefCheckMode.Exclude or RefCheckMode.WarnExclude)
                        {
                            _excluded++;
                            continue;
                        }

                        break;
                    case RealignOutcome.DuplicateAllele:
                        if (_options.RefCheck == RefCheckMode.Error)
                        {
                            throw new NormaliseException("NORM012", part.LineNumber, $"duplicate alleles at {part.Chrom}:{part.Pos} (use -c s to remove them)");
                        }

                        break;
                    default:
                        break;
                }
            }

            if (_options.Atomize)
            {
                List<NormRecord>? atoms = Atomizer.Atomize(part, _options, _splitter!, _header);
                if (atoms is not null)
                {
                    foreach (NormRecord atom in atoms)
                    {
                        if (_options.OldRecTag is string t)
                        {
                            atom.SetInfo(t, split ? $"{original}|{(i + 1).ToString(CultureInfo.InvariantCulture)}" : original);
                        }

                        AddRecord(atom);
                    }

                    continue;
                }
            }

            if (changed && _options.OldRecTag is string tag)
            {
                part.SetInfo(tag, split ? $"{original}|{(i + 1).ToString(CultureInfo.InvariantCulture)}" : original);
            }

            AddRecord(part);
        }
    }

    private static string AltText(NormRecord r) => r.Alleles.Count == 1 ? "." : string.Join(',', r.Alleles.GetRange(1, r.Alleles.Count - 1));

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRecord(NormRecord r)
    {
        _sb.Clear();
        r.AppendTo(_sb);
        byte[] bytes = RentLine(Encoding.UTF8.GetMaxByteCount(_sb.Length));
        int n = Encoding.UTF8.GetBytes(_sb.ToString(), bytes);
        Insert(new Pending(r.Pos, bytes, n, r.LineNumber));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(long pos, ReadOnlySpan<byte> line, long lineNo)
    {
        byte[] bytes = RentLine(line.Length);
        line.CopyTo(bytes);
        Insert(new Pending(pos, bytes, line.Length, lineNo));
    }

    /// <summary>A buffer of at least <paramref name="size"/> bytes for a pending line; give it back with <see cref="ReturnLine"/> once written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte[] RentLine(int size)
    {
        if (_lineBuffers.TryPeek(out byte[]? top) && top.Length >= size)
        {
            return _lineBuffers.Pop();
        }

        // Powers of two, so that after a few longer lines most buffers fit most lines.
        return new byte[Math.Max(512, (int)BitOperations.RoundUpToPowerOf2((uint)size))];
    }

    /// <summary>Takes back a buffer from <see cref="RentLine"/>.</summary>
    internal void ReturnLine(byte[] buffer)
    {
        if (_lineBuffers.Count < MaxPooledLines)
        {
            _lineBuffers.Push(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(Pending p)
    {
        // Flush records that can no longer be overtaken.
        int flush = 0;
        while (flush < _pending.Count && _pending[flush].Pos + _options.SiteWindow < p.Pos)
        {
            flush++;
        }

        if (flush > 0)
        {
            Flush(flush);
        }

        int at = _pending.Count;
        while (at > 0 && (_pending[at - 1].Pos > p.Pos || (_options.SortLexically && _pending[at - 1].Pos == p.Pos && CompareAlleles(_pending[at - 1], p) > 0)))
        {
            at--;
        }

        _pending.Insert(at, p);
    }

    /// <summary><c>-S lex</c>: records at one position are ordered by REF, then ALT, compared byte by byte (stable for equal ones).</summary>
    private static int CompareAlleles(Pending a, Pending b)
    {
        ReadOnlySpan<byte> x = a.Bytes.AsSpan(0, a.Length);
        ReadOnlySpan<byte> y = b.Bytes.AsSpan(0, b.Length);
        int byRef = Column(x, 3).SequenceCompareTo(Column(y, 3));
        return byRef != 0 ? byRef : Column(x, 4).SequenceCompareTo(Column(y, 4));
    }

    private static ReadOnlySpan<byte> Column(ReadOnlySpan<byte> line, int index)
    {
        for (int i = 0; i < index; i++)
        {
            int tab = line.IndexOf((byte)'\t');
            if (tab < 0)
            {
                return default;
            }

            line = line[(tab + 1)..];
        }

        int end = line.IndexOf((byte)'\t');
        return end < 0 ? line : line[..end];
    }

    private void FlushAll() => Flush(_pending.Count);

    // Called for every record (through Insert): optimised from the first call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush(int count)
    {
        if (count == 0)
        {
            return;
        }

        if (_options.Joins)
        {
            count = Joiner.JoinAndWrite(this, _pending, count);
            _pending.RemoveRange(0, count);
            return;
        }

        for (int i = 0; i < count; i++)
        {
            Pending p = _pending[i];
            Emit(p.Pos, p.Bytes.AsSpan(0, p.Length));
            ReturnLine(p.Bytes);
        }

        _pending.RemoveRange(0, count);
    }

    /// <summary>Writes one finished line, applying <c>-d</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Emit(long pos, ReadOnlySpan<byte> line)
    {
        if (_options.Duplicates != DuplicateMode.Off && IsDuplicate(pos, line))
        {
            _duplicates++;
            return;
        }

        _output.Write(line);
        _output.WriteByte((byte)'\n');
        _recordsOut++;
    }

    internal NormHeader Header => _header;

    internal NormaliseOptions Options => _options;

    internal void CountJoined(long n) => _joined += n;

    private bool IsDuplicate(long pos, ReadOnlySpan<byte> line)
    {
        if (!string.Equals(_dupChrom, _chrom, StringComparison.Ordinal) || pos != _dupPos)
        {
            _dupChrom = _chrom;
            _dupPos = pos;
            _dupSeenKinds = VariantKinds.None;
            _dupSeenExact.Clear();
        }

        string text = Encoding.UTF8.GetString(line);
        string[] f = text.Split('\t', 6);
        string refAllele = f[3];
        string[] alts = f[4].Split(',');
        switch (_options.Duplicates)
        {
            case DuplicateMode.All:
                if (_dupSeenKinds != VariantKinds.None)
                {
                    return true;
                }

                _dupSeenKinds = VariantKinds.Other;
                return false;
            case DuplicateMode.Exact:
                Array.Sort(alts, StringComparer.Ordinal);
                string key = refAllele.ToUpperInvariant() + "\t" + string.Join(',', alts).ToUpperInvariant();
                if (f[4].Contains('<', StringComparison.Ordinal) && f.Length > 5)
                {
                    // Symbolic alleles are only equal when their extent is: compare SVLEN and END too.
                    string[] cols = text.Split('\t', 9);
                    foreach (string item in cols.Length > 7 ? cols[7].Split(';') : [])
                    {
                        if (item.StartsWith("SVLEN=", StringComparison.Ordinal) || item.StartsWith("END=", StringComparison.Ordinal))
                        {
                            key += "\t" + item;
                        }
                    }
                }

                return !_dupSeenExact.Add(key);
            default:
                VariantKinds kinds = VariantKinds.None;
                foreach (string a in alts)
                {
                    kinds |= Splitter.KindOf(refAllele, a);
                }

                VariantKinds mask = _options.Duplicates switch
                {
                    DuplicateMode.Snps => VariantKinds.Snp | VariantKinds.Mnp,
                    DuplicateMode.Indels => VariantKinds.Indel,
                    _ => VariantKinds.Snp | VariantKinds.Mnp | VariantKinds.Indel,
                };
                VariantKinds relevant = kinds & mask;
                if (_options.Duplicates == DuplicateMode.Both)
                {
                    // SNPs collide with SNPs, indels with indels.
                    VariantKinds snpish = relevant & (VariantKinds.Snp | VariantKinds.Mnp);
                    bool dup = (snpish != 0 && (_dupSeenKinds & (VariantKinds.Snp | VariantKinds.Mnp)) != 0)
                        || ((relevant & VariantKinds.Indel) != 0 && (_dupSeenKinds & VariantKinds.Indel) != 0);
                    if (dup)
                    {
                        return true;
                    }
                }
                else if (relevant != 0 && (_dupSeenKinds & mask) != 0)
                {
                    return true;
                }

                _dupSeenKinds |= relevant;
                return false;
        }
    }

    /// <summary>A finished line waiting for its place in the output; <paramref name="Line"/> is its input line (for messages).</summary>
    internal readonly record struct Pending(long Pos, byte[] Bytes, int Length, long Line);

    /// <summary>Splits a byte stream into lines without allocating per line.</summary>
    private sealed class LineReader(Stream stream)
    {
        private byte[] _buffer = new byte[1 << 20];
        private int _start;
        private int _end;
        private bool _eof;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryReadLine(out ReadOnlySpan<byte> line)
        {
            while (true)
            {
                int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    line = _buffer.AsSpan(_start, nl);
                    _start += nl + 1;
                    if (line.Length > 0 && line[^1] == (byte)'\r')
                    {
                        line = line[..^1];
                    }

                    return true;
                }

                if (_eof)
                {
                    if (_start < _end)
                    {
                        line = _buffer.AsSpan(_start, _end - _start);
                        _start = _end;
                        return true;
                    }

                    line = default;
                    return false;
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                int n = stream.Read(_buffer, _end, _buffer.Length - _end);
                if (n == 0)
                {
                    _eof = true;
                }

                _end += n;
            }
        }
    }
}
