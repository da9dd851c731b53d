namespace OpenGms.Genomics.Normalisation;

/// <summary>Parses bcftools norm's option values (<c>-m -any</c>, <c>-d both</c>, <c>-c ws</c>) into <see cref="NormaliseOptions"/> values.</summary>
public static class NormaliseOptionParser
{
    /// <summary>Parses a <c>-m</c> value: <c>-</c>/<c>+</c> followed by <c>both</c> (the default, as in bcftools), <c>any</c>, <c>snps</c> or <c>indels</c>.</summary>
    public static bool TryParseMultiallelic(string value, out MultiallelicMode mode)
    {
        ArgumentNullException.ThrowIfNull(value);
        mode = MultiallelicMode.None;
        if (value.Length == 0 || value[0] is not ('-' or '+'))
        {
            return false;
        }

        bool split = value[0] == '-';
        string kind = value[1..];
        switch (kind)
        {
            case "any":
                mode = split ? MultiallelicMode.SplitAny : MultiallelicMode.JoinAny;
                return true;
            case "snps":
                mode = split ? MultiallelicMode.SplitSnps : MultiallelicMode.JoinSnps;
                return true;
            case "indels":
                mode = split ? MultiallelicMode.SplitIndels : MultiallelicMode.JoinIndels;
                return true;
            case "" or "both":
                mode = split ? MultiallelicMode.SplitBoth : MultiallelicMode.JoinBoth;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses a <c>-d</c> value: <c>snps</c>, <c>indels</c>, <c>both</c>, <c>all</c>/<c>any</c>, <c>exact</c>/<c>none</c>.</summary>
    public static bool TryParseDuplicates(string value, out DuplicateMode mode)
    {
        mode = value switch
        {
            "snps" => DuplicateMode.Snps,
            "indels" => DuplicateMode.Indels,
            "both" => DuplicateMode.Both,
            "all" or "any" => DuplicateMode.All,
            "exact" or "none" => DuplicateMode.Exact,
            _ => DuplicateMode.Off,
        };
        return mode != DuplicateMode.Off;
    }

    /// <summary>Parses a <c>-c</c> value: <c>e</c>, <c>w</c>, <c>x</c>, <c>wx</c> or <c>s</c>.</summary>
    public static bool TryParseRefCheck(string value, out RefCheckMode mode)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool ok = true;
        mode = value switch
        {
            "e" => RefCheckMode.Error,
            "w" => RefCheckMode.Warn,
            "x" => RefCheckMode.Exclude,
            "wx" or "xw" => RefCheckMode.WarnExclude,
            "s" or "ws" or "sw" => RefCheckMode.Fix,
            _ => (RefCheckMode)(-1),
        };
        if ((int)mode < 0)
        {
            mode = RefCheckMode.Error;
            ok = false;
        }

        return ok;
    }

    /// <summary>Parses <c>-S/--sort</c>: <c>pos</c> (the default order) or <c>lex</c> (REF, then ALT, at one position).</summary>
    public static bool TryParseSort(string value, out bool lexical)
    {
        ArgumentNullException.ThrowIfNull(value);
        lexical = value == "lex";
        return value is "pos" or "lex";
    }
}
