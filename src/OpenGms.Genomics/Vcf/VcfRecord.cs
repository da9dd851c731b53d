namespace OpenGms.Genomics.Vcf;

/// <summary>
/// One VCF data line as a view over the reader's buffer: valid only until the next <see cref="VcfReader.Read"/>.
/// Columns are located when the line is read; INFO, FORMAT and sample values are decoded only when asked for,
/// and nothing here allocates. Positions are 1-based closed, as in the file (VCF 4.3 section 1.6.1).
/// </summary>
public readonly ref struct VcfRecord
{
    private readonly ReadOnlySpan<byte> _line;
    private readonly VcfLineLayout _layout;

    internal VcfRecord(ReadOnlySpan<byte> line, VcfLineLayout layout, VcfHeader header, long lineNumber)
    {
        _line = line;
        _layout = layout;
        Header = header;
        LineNumber = lineNumber;
    }

    /// <summary>The header the record belongs to.</summary>
    public VcfHeader Header { get; }

    /// <summary>1-based line number in the uncompressed text.</summary>
    public long LineNumber { get; }

    /// <summary>Where the columns start (for writers that copy the line around one column).</summary>
    internal VcfLineLayout Layout => _layout;

    /// <summary>The whole line, without the line break.</summary>
    public ReadOnlySpan<byte> Line => _line;

    /// <summary>Number of tab-separated columns on the line.</summary>
    public int ColumnCount => _layout.ColumnCount;

    /// <summary>CHROM.</summary>
    public ReadOnlySpan<byte> Chrom => Column(0);

    /// <summary>POS as text.</summary>
    public ReadOnlySpan<byte> PosText => Column(1);

    /// <summary>POS (1-based), or -1 when it is not a valid integer.</summary>
    public long Position => VcfValues.TryParseInt64(Column(1), out long p) ? p : -1;

    /// <summary>ID (<c>.</c> when missing).</summary>
    public ReadOnlySpan<byte> Id => Column(2);

    /// <summary>REF.</summary>
    public ReadOnlySpan<byte> Ref => Column(3);

    /// <summary>ALT as written (comma-separated alleles, or <c>.</c>).</summary>
    public ReadOnlySpan<byte> AltText => Column(4);

    /// <summary>QUAL as text.</summary>
    public ReadOnlySpan<byte> QualText => Column(5);

    /// <summary>FILTER as text.</summary>
    public ReadOnlySpan<byte> FilterText => Column(6);

    /// <summary>INFO as text.</summary>
    public ReadOnlySpan<byte> InfoText => Column(7);

    /// <summary>FORMAT as text (empty when the line has no FORMAT column).</summary>
    public ReadOnlySpan<byte> FormatText => ColumnCount > 8 ? Column(8) : default;

    /// <summary>The sample columns as written (empty when there are none).</summary>
    public ReadOnlySpan<byte> SamplesText => ColumnCount > 9 ? _line[_layout.Starts[9]..] : default;

    /// <summary>The ALT alleles, or none when ALT is <c>.</c>.</summary>
    public VcfListEnumerator Alts => VcfValues.IsMissing(AltText) ? default : new VcfListEnumerator(AltText, (byte)',');

    /// <summary>Number of ALT alleles (0 when ALT is <c>.</c>).</summary>
    public int AltCount => VcfValues.IsMissing(AltText) ? 0 : VcfValues.CountValues(AltText);

    /// <summary>QUAL, or null when missing or not a number.</summary>
    public float? Qual => VcfValues.TryParseFloat(QualText, out float q) ? q : null;

    /// <summary>The FILTER names (none when FILTER is <c>.</c>).</summary>
    public VcfListEnumerator Filters => VcfValues.IsMissing(FilterText) ? default : new VcfListEnumerator(FilterText, (byte)';');

    /// <summary>The INFO entries (none when INFO is <c>.</c>).</summary>
    public VcfInfoEnumerator Info => new(VcfValues.IsMissing(InfoText) ? default : InfoText);

    /// <summary>The FORMAT keys.</summary>
    public VcfListEnumerator FormatKeys => new(FormatText, (byte)':');

    /// <summary>Number of sample columns on this line (which may differ from the header's count in a bad file).</summary>
    public int SampleCount => _layout.SampleCount(_line);

    /// <summary>Column <paramref name="index"/> (0 = CHROM, 8 = FORMAT; 9 and above are samples).</summary>
    public ReadOnlySpan<byte> Column(int index)
    {
        if (index >= 9)
        {
            return Sample(index - 9);
        }

        if ((uint)index >= (uint)_layout.ColumnCount)
        {
            return default;
        }

        int start = _layout.Starts[index];
        int end = _layout.Starts[index + 1] - 1;
        return _line[start..end];
    }

    /// <summary>The whole column of sample <paramref name="sample"/> (0-based).</summary>
    public ReadOnlySpan<byte> Sample(int sample)
    {
        (int start, int end) = _layout.SampleBounds(_line, sample);
        return start < 0 ? default : _line[start..end];
    }

    /// <summary>The value of INFO key <paramref name="key"/>: true when present (a flag has an empty value).</summary>
    public bool TryGetInfo(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        foreach (VcfInfoEntry entry in Info)
        {
            if (entry.Key.SequenceEqual(key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when INFO has <paramref name="key"/> (for flags).</summary>
    public bool HasInfo(ReadOnlySpan<byte> key) => TryGetInfo(key, out _);

    /// <summary>An INFO integer such as DP or END; false when absent, missing or not an integer.</summary>
    public bool TryGetInfoInt32(ReadOnlySpan<byte> key, out int value)
    {
        value = 0;
        return TryGetInfo(key, out ReadOnlySpan<byte> v) && VcfValues.TryParseInt32(v, out value);
    }

    /// <summary>An INFO float; false when absent, missing or not a number.</summary>
    public bool TryGetInfoFloat(ReadOnlySpan<byte> key, out float value)
    {
        value = 0;
        return TryGetInfo(key, out ReadOnlySpan<byte> v) && VcfValues.TryParseFloat(v, out value);
    }

    /// <summary>The 0-based index of <paramref name="key"/> among the FORMAT keys, or -1.</summary>
    public int FormatIndexOf(ReadOnlySpan<byte> key)
    {
        int i = 0;
        foreach (ReadOnlySpan<byte> k in FormatKeys)
        {
            if (k.SequenceEqual(key))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>
    /// The value of FORMAT key number <paramref name="formatIndex"/> for sample <paramref name="sample"/>; empty when
    /// the sample column stops before it (trailing fields may be dropped, VCF 4.3 section 1.6.2).
    /// </summary>
    public ReadOnlySpan<byte> SampleField(int sample, int formatIndex)
    {
        if (formatIndex < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> s = Sample(sample);
        for (int i = 0; i < formatIndex; i++)
        {
            int colon = s.IndexOf((byte)':');
            if (colon < 0)
            {
                return default;
            }

            s = s[(colon + 1)..];
        }

        int end = s.IndexOf((byte)':');
        return end < 0 ? s : s[..end];
    }

    /// <summary>The value of FORMAT key <paramref name="key"/> for sample <paramref name="sample"/>.</summary>
    public ReadOnlySpan<byte> SampleField(int sample, ReadOnlySpan<byte> key) => SampleField(sample, FormatIndexOf(key));

    /// <summary>The genotype (GT, which must be the first FORMAT key) of sample <paramref name="sample"/>; false when absent or malformed.</summary>
    public bool TryGetGenotype(int sample, out VcfGenotype genotype)
    {
        genotype = default;
        ReadOnlySpan<byte> format = FormatText;
        if (format.Length < 2 || format[0] != (byte)'G' || format[1] != (byte)'T' || (format.Length > 2 && format[2] != (byte)':'))
        {
            return false;
        }

        ReadOnlySpan<byte> s = Sample(sample);
        int colon = s.IndexOf((byte)':');
        return VcfGenotype.TryParse(colon < 0 ? s : s[..colon], out genotype);
    }

    /// <summary>A single-integer sample field (DP, GQ, PS...); false when absent, missing or not an integer.</summary>
    public bool TryGetSampleInt32(int sample, int formatIndex, out int value)
    {
        value = 0;
        return VcfValues.TryParseInt32(SampleField(sample, formatIndex), out value);
    }

    /// <summary>
    /// A list-of-integers sample field (AD, PL...) into <paramref name="destination"/> with
    /// <see cref="VcfValues.MissingInt32"/> for <c>.</c>; returns the count, or -1 when a value is not an integer.
    /// </summary>
    public int GetSampleInt32s(int sample, int formatIndex, Span<int> destination) =>
        VcfValues.ParseInt32List(SampleField(sample, formatIndex), destination);

    /// <summary>A list-of-floats sample field into <paramref name="destination"/> (NaN for missing); count or -1.</summary>
    public int GetSampleFloats(int sample, int formatIndex, Span<float> destination) =>
        VcfValues.ParseFloatList(SampleField(sample, formatIndex), destination);

    /// <summary>Copies the record into an owned <see cref="VcfVariant"/> (allocates: for records you keep).</summary>
    public VcfVariant ToVariant()
    {
        var alts = new List<string>(AltCount);
        foreach (ReadOnlySpan<byte> a in Alts)
        {
            alts.Add(System.Text.Encoding.UTF8.GetString(a));
        }

        var samples = new string[Math.Max(0, ColumnCount - 9)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = System.Text.Encoding.UTF8.GetString(Sample(i));
        }

        return new VcfVariant
        {
            Chrom = System.Text.Encoding.UTF8.GetString(Chrom),
            Position = Position,
            Id = System.Text.Encoding.UTF8.GetString(Id),
            Ref = System.Text.Encoding.UTF8.GetString(Ref),
            Alts = alts,
            Qual = System.Text.Encoding.UTF8.GetString(QualText),
            Filter = System.Text.Encoding.UTF8.GetString(FilterText),
            Info = System.Text.Encoding.UTF8.GetString(InfoText),
            Format = ColumnCount > 8 ? System.Text.Encoding.UTF8.GetString(FormatText) : null,
            Samples = samples,
        };
    }
}

/// <summary>One INFO entry: a key and its value (empty for a flag).</summary>
public readonly ref struct VcfInfoEntry
{
    internal VcfInfoEntry(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool hasValue)
    {
        Key = key;
        Value = value;
        HasValue = hasValue;
    }

    /// <summary>The key.</summary>
    public ReadOnlySpan<byte> Key { get; }

    /// <summary>The value after <c>=</c> (empty for a flag).</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>True when the entry had <c>=</c> (a flag has none).</summary>
    public bool HasValue { get; }
}

/// <summary>Enumerates INFO entries separated by <c>;</c>.</summary>
public ref struct VcfInfoEnumerator
{
    private VcfListEnumerator _parts;

    /// <summary>Creates an enumerator over an INFO column.</summary>
    public VcfInfoEnumerator(ReadOnlySpan<byte> info)
    {
        _parts = new VcfListEnumerator(info, (byte)';');
        Current = default;
    }

    /// <summary>The current entry.</summary>
    public VcfInfoEntry Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly VcfInfoEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next entry.</summary>
    public bool MoveNext()
    {
        if (!_parts.MoveNext())
        {
            return false;
        }

        ReadOnlySpan<byte> part = _parts.Current;
        int eq = part.IndexOf((byte)'=');
        Current = eq < 0 ? new VcfInfoEntry(part, default, false) : new VcfInfoEntry(part[..eq], part[(eq + 1)..], true);
        return true;
    }
}
