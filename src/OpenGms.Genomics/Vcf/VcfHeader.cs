using System.Text;
using OpenGms.Genomics.Validation;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// The header of a VCF file: the <c>##</c> meta lines (kept verbatim, in order), the definitions they make and the
/// sample names from the <c>#CHROM</c> line. Immutable; build with <see cref="Parse"/>.
/// </summary>
public sealed class VcfHeader
{
    /// <summary>The eight fixed column names of the <c>#CHROM</c> line (VCF 4.3 section 1.5).</summary>
    public static readonly IReadOnlyList<string> FixedColumns = ["CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"];

    private readonly Dictionary<string, VcfFieldDefinition> _info;
    private readonly Dictionary<string, VcfFieldDefinition> _format;
    private readonly Dictionary<string, VcfFilterDefinition> _filters;
    private readonly Dictionary<string, VcfAltDefinition> _alts;
    private readonly Dictionary<string, VcfContig> _contigs;
    private readonly Dictionary<string, VcfFieldDefinition>.AlternateLookup<ReadOnlySpan<char>> _infoLookup;
    private readonly Dictionary<string, VcfFieldDefinition>.AlternateLookup<ReadOnlySpan<char>> _formatLookup;
    private readonly Dictionary<string, VcfFilterDefinition>.AlternateLookup<ReadOnlySpan<char>> _filterLookup;
    private readonly Dictionary<string, VcfContig>.AlternateLookup<ReadOnlySpan<char>> _contigLookup;
    private readonly Dictionary<string, int> _sampleIndex;

    internal VcfHeader(
        string fileFormat,
        IReadOnlyList<VcfMetaLine> metaLines,
        Dictionary<string, VcfFieldDefinition> info,
        Dictionary<string, VcfFieldDefinition> format,
        Dictionary<string, VcfFilterDefinition> filters,
        Dictionary<string, VcfAltDefinition> alts,
        List<VcfContig> contigs,
        IReadOnlyList<string> samples,
        bool hasFormatColumn)
    {
        FileFormat = fileFormat;
        Version = ParseVersion(fileFormat);
        MetaLines = metaLines;
        _info = info;
        _format = format;
        _filters = filters;
        _alts = alts;
        Contigs = contigs;
        _contigs = new Dictionary<string, VcfContig>(StringComparer.Ordinal);
        foreach (VcfContig c in contigs)
        {
            _contigs.TryAdd(c.Id, c);
        }

        Samples = samples;
        HasFormatColumn = hasFormatColumn;
        _sampleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < samples.Count; i++)
        {
            _sampleIndex.TryAdd(samples[i], i);
        }

        _infoLookup = _info.GetAlternateLookup<ReadOnlySpan<char>>();
        _formatLookup = _format.GetAlternateLookup<ReadOnlySpan<char>>();
        _filterLookup = _filters.GetAlternateLookup<ReadOnlySpan<char>>();
        _contigLookup = _contigs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The value of the <c>##fileformat</c> line, such as <c>VCFv4.3</c>; empty when absent.</summary>
    public string FileFormat { get; }

    /// <summary>The VCF version from <see cref="FileFormat"/> (4.3 is <c>(4, 3)</c>), or null when it cannot be read.</summary>
    public Version? Version { get; }

    /// <summary>Every <c>##</c> line, verbatim and in file order (the fileformat line included).</summary>
    public IReadOnlyList<VcfMetaLine> MetaLines { get; }

    /// <summary>INFO definitions by ID.</summary>
    public IReadOnlyDictionary<string, VcfFieldDefinition> Info => _info;

    /// <summary>FORMAT definitions by ID.</summary>
    public IReadOnlyDictionary<string, VcfFieldDefinition> Format => _format;

    /// <summary>FILTER definitions by ID.</summary>
    public IReadOnlyDictionary<string, VcfFilterDefinition> Filters => _filters;

    /// <summary>ALT (symbolic allele) definitions by ID.</summary>
    public IReadOnlyDictionary<string, VcfAltDefinition> Alts => _alts;

    /// <summary>Contig lines in header order.</summary>
    public IReadOnlyList<VcfContig> Contigs { get; }

    /// <summary>Sample names from the <c>#CHROM</c> line, in column order.</summary>
    public IReadOnlyList<string> Samples { get; }

    /// <summary>True when the <c>#CHROM</c> line has a FORMAT column.</summary>
    public bool HasFormatColumn { get; }

    /// <summary>Parses a header from its lines (every <c>##</c> line, then the <c>#CHROM</c> line), reporting problems to <paramref name="issues"/>.</summary>
    /// <param name="lines">The header lines without line breaks; line numbers count from 1.</param>
    /// <param name="issues">Where problems go; null to ignore them.</param>
    public static VcfHeader Parse(IReadOnlyList<string> lines, VcfIssueSink? issues = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return VcfHeaderParser.Parse(lines, issues ?? new VcfIssueSink());
    }

    /// <summary>The INFO definition for <paramref name="id"/> given as UTF-8 bytes.</summary>
    public bool TryGetInfo(ReadOnlySpan<byte> id, out VcfFieldDefinition definition) => TryLookup(_infoLookup, id, out definition!);

    /// <summary>The FORMAT definition for <paramref name="id"/> given as UTF-8 bytes.</summary>
    public bool TryGetFormat(ReadOnlySpan<byte> id, out VcfFieldDefinition definition) => TryLookup(_formatLookup, id, out definition!);

    /// <summary>The FILTER definition for <paramref name="id"/> given as UTF-8 bytes.</summary>
    public bool TryGetFilter(ReadOnlySpan<byte> id, out VcfFilterDefinition definition) => TryLookup(_filterLookup, id, out definition!);

    /// <summary>The contig line for <paramref name="chrom"/> given as UTF-8 bytes.</summary>
    public bool TryGetContig(ReadOnlySpan<byte> chrom, out VcfContig contig) => TryLookup(_contigLookup, chrom, out contig!);

    /// <summary>The contig line for <paramref name="chrom"/>.</summary>
    public bool TryGetContig(string chrom, out VcfContig contig) => _contigs.TryGetValue(chrom, out contig!);

    /// <summary>The 0-based column index of sample <paramref name="name"/> among the samples, or -1.</summary>
    public int IndexOfSample(string name) => _sampleIndex.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The <c>#CHROM</c> line for <paramref name="samples"/> (all samples when null).</summary>
    public string ColumnLine(IReadOnlyList<string>? samples = null)
    {
        samples ??= Samples;
        var sb = new StringBuilder("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        if (HasFormatColumn || samples.Count > 0)
        {
            sb.Append("\tFORMAT");
            foreach (string s in samples)
            {
                sb.Append('\t').Append(s);
            }
        }

        return sb.ToString();
    }

    /// <summary>The header as text: every meta line verbatim, then the <c>#CHROM</c> line for <paramref name="samples"/>.</summary>
    public string ToText(IReadOnlyList<string>? samples = null)
    {
        var sb = new StringBuilder();
        foreach (VcfMetaLine m in MetaLines)
        {
            sb.Append(m.Text).Append('\n');
        }

        sb.Append(ColumnLine(samples)).Append('\n');
        return sb.ToString();
    }

    /// <summary>A copy with <paramref name="extraMetaLines"/> (full <c>##</c> lines) added after the existing meta lines.</summary>
    public VcfHeader WithMetaLines(IEnumerable<string> extraMetaLines)
    {
        ArgumentNullException.ThrowIfNull(extraMetaLines);
        var lines = new List<string>(MetaLines.Count + 4);
        foreach (VcfMetaLine m in MetaLines)
        {
            lines.Add(m.Text);
        }

        lines.AddRange(extraMetaLines);
        lines.Add(ColumnLine());
        return Parse(lines);
    }

    /// <summary>A copy whose <c>#CHROM</c> line lists only <paramref name="samples"/> (every name must be in <see cref="Samples"/>).</summary>
    public VcfHeader WithSamples(IReadOnlyList<string> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var lines = new List<string>(MetaLines.Count + 1);
        foreach (VcfMetaLine m in MetaLines)
        {
            lines.Add(m.Text);
        }

        lines.Add(ColumnLine(samples));
        return Parse(lines);
    }

    private static Version? ParseVersion(string fileFormat)
    {
        const string Prefix = "VCFv";
        if (!fileFormat.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return System.Version.TryParse(fileFormat.AsSpan(Prefix.Length), out Version? v) ? v : null;
    }

    private static bool TryLookup<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> key, out T? value)
    {
        // Keys are short ASCII tags; widen them on the stack and look up without allocating a string.
        if (key.Length > 256)
        {
            value = default;
            return false;
        }

        Span<char> chars = stackalloc char[key.Length];
        int n = Encoding.Latin1.GetChars(key, chars);
        return lookup.TryGetValue(chars[..n], out value);
    }
}
