using System.Globalization;
using System.Text;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// An owned, mutable copy of a VCF record with its columns as text: for records a caller keeps or rewrites
/// (normalisation, tests). The streaming path uses <see cref="VcfRecord"/> instead. POS is 1-based.
/// </summary>
public sealed class VcfVariant
{
    /// <summary>CHROM.</summary>
    public string Chrom { get; set; } = string.Empty;

    /// <summary>POS, 1-based.</summary>
    public long Position { get; set; }

    /// <summary>ID (<c>.</c> when missing).</summary>
    public string Id { get; set; } = ".";

    /// <summary>REF.</summary>
    public string Ref { get; set; } = string.Empty;

    /// <summary>ALT alleles (empty for <c>.</c>).</summary>
    public IList<string> Alts { get; set; } = [];

    /// <summary>QUAL as text (<c>.</c> when missing).</summary>
    public string Qual { get; set; } = ".";

    /// <summary>FILTER as text.</summary>
    public string Filter { get; set; } = ".";

    /// <summary>INFO as text.</summary>
    public string Info { get; set; } = ".";

    /// <summary>FORMAT, or null when the record has no FORMAT column.</summary>
    public string? Format { get; set; }

    /// <summary>The sample columns as text.</summary>
    public IList<string> Samples { get; set; } = [];

    /// <summary>The record as one VCF line, without a line break.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(128);
        sb.Append(Chrom).Append('\t').Append(Position.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Id)
            .Append('\t').Append(Ref).Append('\t').Append(Alts.Count == 0 ? "." : string.Join(',', Alts))
            .Append('\t').Append(Qual).Append('\t').Append(Filter).Append('\t').Append(Info);
        if (Format is not null)
        {
            sb.Append('\t').Append(Format);
            foreach (string s in Samples)
            {
                sb.Append('\t').Append(s);
            }
        }

        return sb.ToString();
    }
}
