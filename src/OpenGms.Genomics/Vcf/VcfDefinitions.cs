namespace OpenGms.Genomics.Vcf;

/// <summary>An INFO or FORMAT definition line: <c>##INFO=&lt;ID=DP,Number=1,Type=Integer,Description="..."&gt;</c>.</summary>
/// <param name="Id">The tag.</param>
/// <param name="Number">How many values.</param>
/// <param name="Type">The value type.</param>
/// <param name="Description">The description, unquoted and unescaped.</param>
/// <param name="Line">The meta line it came from.</param>
public sealed record VcfFieldDefinition(string Id, VcfNumber Number, VcfValueType Type, string Description, VcfMetaLine Line);

/// <summary>A FILTER definition line.</summary>
/// <param name="Id">The filter name.</param>
/// <param name="Description">The description.</param>
/// <param name="Line">The meta line it came from.</param>
public sealed record VcfFilterDefinition(string Id, string Description, VcfMetaLine Line);

/// <summary>An ALT definition line for a symbolic allele such as <c>&lt;DEL&gt;</c>.</summary>
/// <param name="Id">The symbolic allele's name, without angle brackets.</param>
/// <param name="Description">The description.</param>
/// <param name="Line">The meta line it came from.</param>
public sealed record VcfAltDefinition(string Id, string Description, VcfMetaLine Line);

/// <summary>A contig line: <c>##contig=&lt;ID=chr1,length=248956422&gt;</c>.</summary>
/// <param name="Id">The contig name as the records' CHROM column spells it.</param>
/// <param name="Length">Its length in bases, when given.</param>
/// <param name="Index">Its 0-based position among the header's contig lines (the order tabix/CSI and sorting use).</param>
/// <param name="Line">The meta line it came from.</param>
public sealed record VcfContig(string Id, long? Length, int Index, VcfMetaLine Line);

/// <summary>
/// One <c>##</c> meta-information line, kept verbatim. Structured lines (<c>##KEY=&lt;A=1,B="x"&gt;</c>) also expose
/// their attributes in order.
/// </summary>
/// <param name="Key">The text between <c>##</c> and the first <c>=</c>.</param>
/// <param name="Value">The text after the first <c>=</c>.</param>
/// <param name="Text">The whole line, without the line break.</param>
/// <param name="Attributes">The attributes of a structured line (values unquoted and unescaped), or null.</param>
/// <param name="LineNumber">1-based line number in the file.</param>
public sealed record VcfMetaLine(string Key, string Value, string Text, IReadOnlyList<KeyValuePair<string, string>>? Attributes, long LineNumber)
{
    /// <summary>The value of attribute <paramref name="name"/> of a structured line, or null.</summary>
    public string? Attribute(string name)
    {
        if (Attributes is null)
        {
            return null;
        }

        foreach (KeyValuePair<string, string> a in Attributes)
        {
            if (string.Equals(a.Key, name, StringComparison.Ordinal))
            {
                return a.Value;
            }
        }

        return null;
    }

    /// <summary>The <c>ID</c> attribute of a structured line, or null.</summary>
    public string? Id => Attribute("ID");
}
