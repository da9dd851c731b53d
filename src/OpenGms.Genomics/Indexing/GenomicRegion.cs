using System.Globalization;

namespace OpenGms.Genomics.Indexing;

/// <summary>
/// A region as users write it (<c>chr1</c>, <c>chr1:100</c>, <c>chr1:100-200</c>, commas allowed in numbers).
/// Coordinates are 1-based closed, as in VCF; <see cref="End"/> is <see cref="long.MaxValue"/> when open.
/// </summary>
/// <param name="Chrom">The contig.</param>
/// <param name="Start">First base, 1-based.</param>
/// <param name="End">Last base, 1-based, inclusive.</param>
public readonly record struct GenomicRegion(string Chrom, long Start, long End)
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a region.</summary>
    public static bool TryParse(string text, out GenomicRegion region)
    {
        region = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            region = new GenomicRegion(text, 1, long.MaxValue);
            return true;
        }

        string chrom = text[..colon];
        string range = text[(colon + 1)..].Replace(",", string.Empty, StringComparison.Ordinal);
        int dash = range.IndexOf('-', StringComparison.Ordinal);
        string startText = dash < 0 ? range : range[..dash];
        if (chrom.Length == 0 || !long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out long start) || start < 1)
        {
            return false;
        }

        long end = dash < 0 ? start : long.MaxValue;
        if (dash >= 0 && dash < range.Length - 1 && (!long.TryParse(range.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start))
        {
            return false;
        }

        region = new GenomicRegion(chrom, start, end);
        return true;
    }

    /// <summary>True when the 1-based closed interval [<paramref name="start"/>, <paramref name="end"/>] on <see cref="Chrom"/> overlaps this region.</summary>
    public bool Overlaps(long start, long end) => start <= End && end >= Start;

    /// <inheritdoc />
    public override string ToString() => End == long.MaxValue
        ? (Start <= 1 ? Chrom : $"{Chrom}:{Start}-")
        : $"{Chrom}:{Start}-{End}";
}
