using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Validation;

/// <summary>Checks header definitions against the specification (VCF 4.3 sections 1.4 and 1.6).</summary>
internal static class VcfHeaderRules
{
    public static VcfFieldDefinition? ReadFieldDefinition(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
        string field = $"{meta.Key}/{id}";
        string? numberText = meta.Attribute("Number");
        string? typeText = meta.Attribute("Type");
        string? description = meta.Attribute("Description");
        if (numberText is null || typeText is null || description is null)
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, field, $"{meta.Key} {id} needs ID, Number, Type and Description.");
            return null;
        }

        bool v44 = version is not null && version >= new Version(4, 4);
        if (!VcfNumber.TryParse(numberText, out VcfNumber number) || (!v44 && numberText is "P" or "LA" or "LR" or "LG"))
        {
            issues.Add(VcfIssueCodes.InvalidNumber, VcfSeverity.Error, meta.LineNumber, 0, field, $"Number '{numberText}' is not an integer, A, R, G or '.'.");
            return null;
        }

        VcfValueType type;
        switch (typeText)
        {
            case "Integer":
                type = VcfValueType.Integer;
                break;
            case "Float":
                type = VcfValueType.Float;
                break;
            case "Flag":
                type = VcfValueType.Flag;
                break;
            case "Character":
                type = VcfValueType.Character;
                break;
            case "String":
                type = VcfValueType.String;
                break;
            default:
                issues.Add(VcfIssueCodes.InvalidType, VcfSeverity.Error, meta.LineNumber, 0, field, $"Type '{typeText}' is not Integer, Float, Flag, Character or String.");
                return null;
        }

        string field2 = field;
        if (!HasOrder(meta, "ID", "Number", "Type", "Description"))
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, field2, $"{meta.Key} attributes must come in the order ID, Number, Type, Description.");
        }

        if (type == VcfValueType.Flag && meta.Key == "FORMAT")
        {
            issues.Add(VcfIssueCodes.InvalidType, VcfSeverity.Error, meta.LineNumber, 0, field2, "Type=Flag is allowed only in INFO.");
        }
        else if (type == VcfValueType.Flag && number != new VcfNumber(VcfNumberKind.Fixed, 0))
        {
            issues.Add(VcfIssueCodes.InvalidType, VcfSeverity.Note, meta.LineNumber, 0, field2, "Type=Flag should have Number=0.");
        }
        else if (type != VcfValueType.Flag && number == new VcfNumber(VcfNumberKind.Fixed, 0))
        {
            issues.Add(VcfIssueCodes.InvalidNumber, VcfSeverity.Error, meta.LineNumber, 0, field2, "Number=0 is allowed only with Type=Flag.");
        }

        var def = new VcfFieldDefinition(id, number, type, description, meta);
        CheckReserved(meta, def, version, issues);
        return def;
    }

    /// <summary>Reserved INFO tags (VCF 4.3 section 1.6.1, table 1): Number and Type the specification fixes.</summary>
    public static readonly IReadOnlyDictionary<string, (string Number, VcfValueType Type)> ReservedInfo = new Dictionary<string, (string, VcfValueType)>(StringComparer.Ordinal)
    {
        ["AA"] = ("1", VcfValueType.String),
        ["AC"] = ("A", VcfValueType.Integer),
        ["AD"] = ("R", VcfValueType.Integer),
        ["ADF"] = ("R", VcfValueType.Integer),
        ["ADR"] = ("R", VcfValueType.Integer),
        ["AF"] = ("A", VcfValueType.Float),
        ["AN"] = ("1", VcfValueType.Integer),
        ["BQ"] = ("1", VcfValueType.Float),
        ["CIGAR"] = ("A", VcfValueType.String),
        ["DB"] = ("0", VcfValueType.Flag),
        ["DP"] = ("1", VcfValueType.Integer),
        ["END"] = ("1", VcfValueType.Integer),
        ["H2"] = ("0", VcfValueType.Flag),
        ["H3"] = ("0", VcfValueType.Flag),
        ["MQ"] = ("1", VcfValueType.Float),
        ["MQ0"] = ("1", VcfValueType.Integer),
        ["NS"] = ("1", VcfValueType.Integer),
        ["SOMATIC"] = ("0", VcfValueType.Flag),
        ["VALIDATED"] = ("0", VcfValueType.Flag),
        ["1000G"] = ("0", VcfValueType.Flag),
    };

    /// <summary>Reserved FORMAT tags (VCF 4.3 section 1.6.2, table 2).</summary>
    public static readonly IReadOnlyDictionary<string, (string Number, VcfValueType Type)> ReservedFormat = new Dictionary<string, (string, VcfValueType)>(StringComparer.Ordinal)
    {
        ["AD"] = ("R", VcfValueType.Integer),
        ["ADF"] = ("R", VcfValueType.Integer),
        ["ADR"] = ("R", VcfValueType.Integer),
        ["DP"] = ("1", VcfValueType.Integer),
        ["EC"] = ("A", VcfValueType.Integer),
        ["FT"] = ("1", VcfValueType.String),
        ["GL"] = ("G", VcfValueType.Float),
        ["GLE"] = ("G", VcfValueType.String),
        ["GP"] = ("G", VcfValueType.Float),
        ["GQ"] = ("1", VcfValueType.Integer),
        ["GT"] = ("1", VcfValueType.String),
        ["HQ"] = ("2", VcfValueType.Integer),
        ["MQ"] = ("1", VcfValueType.Integer),
        ["PL"] = ("G", VcfValueType.Integer),
        ["PP"] = ("G", VcfValueType.Integer),
        ["PQ"] = ("1", VcfValueType.Integer),
        ["PS"] = ("1", VcfValueType.Integer),
    };

    /// <summary>The spec's definition of a reserved tag, for records that use it without a header line.</summary>
    public static VcfFieldDefinition? Builtin(bool info, string id)
    {
        IReadOnlyDictionary<string, (string Number, VcfValueType Type)> table = info ? ReservedInfo : ReservedFormat;
        if (!table.TryGetValue(id, out (string Number, VcfValueType Type) r) || !VcfNumber.TryParse(r.Number, out VcfNumber n))
        {
            return null;
        }

        return new VcfFieldDefinition(id, n, r.Type, "(reserved by the VCF specification)", new VcfMetaLine(info ? "INFO" : "FORMAT", string.Empty, string.Empty, null, 0));
    }

    public static void CheckReserved(VcfMetaLine meta, VcfFieldDefinition def, Version? version, VcfIssueSink issues)
    {
        bool info = meta.Key == "INFO";
        IReadOnlyDictionary<string, (string Number, VcfValueType Type)> table = info ? ReservedInfo : ReservedFormat;
        if (!table.TryGetValue(def.Id, out (string Number, VcfValueType Type) r))
        {
            return;
        }

        // Before VCF 4.3 AD/ADF/ADR were not reserved and GATK declares them Number=.; accept that.
        bool legacy = version is null || version < new Version(4, 3);
        if (legacy && def.Id is "AD" or "ADF" or "ADR")
        {
            return;
        }

        // Before 4.3 the table was informative and old GATK declares e.g. GQ as Float: a warning (strict rejects, lenient accepts).
        VcfSeverity severity = legacy ? VcfSeverity.Warning : VcfSeverity.Error;
        if (r.Type != def.Type)
        {
            issues.Add(VcfIssueCodes.ReservedTagDefinition, severity, meta.LineNumber, 0, $"{meta.Key}/{def.Id}", $"Reserved {meta.Key} {def.Id} must have Type={r.Type}.");
        }

        if (!string.Equals(r.Number, def.Number.ToString(), StringComparison.Ordinal))
        {
            issues.Add(VcfIssueCodes.ReservedTagDefinition, severity, meta.LineNumber, 0, $"{meta.Key}/{def.Id}", $"Reserved {meta.Key} {def.Id} must have Number={r.Number}.");
        }
    }

    /// <summary>Description must be quoted; other attributes must not be (VCF 4.1/4.2), except Source and Version.</summary>
    public static void CheckQuoting(VcfMetaLine meta, Version? version, VcfIssueSink issues)
    {
        if (meta.Attributes is null)
        {
            return;
        }

        foreach (KeyValuePair<string, string> a in meta.Attributes)
        {
            bool quoted = meta.Value.Contains($",{a.Key}=\"", StringComparison.Ordinal) || meta.Value.StartsWith($"<{a.Key}=\"", StringComparison.Ordinal);
            if (a.Key == "Description" && !quoted && meta.Key is "INFO" or "FORMAT" or "FILTER" or "ALT")
            {
                issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, meta.LineNumber, 0, meta.Key, $"##{meta.Key} Description must be in double quotes.");
            }
            else if (quoted && a.Key is not ("Description" or "Source" or "Version" or "assembly" or "md5" or "URL" or "species" or "taxonomy")
                && version is not null && version < new Version(4, 3))
            {
                issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, meta.LineNumber, 0, meta.Key, $"##{meta.Key} attribute {a.Key} must not be quoted.");
            }
        }
    }

    public static void CheckOtherMeta(VcfMetaLine meta, Version? version, VcfIssueSink issues)
    {
        CheckQuoting(meta, version, issues);
        bool v43 = version is not null && version >= new Version(4, 3);
        switch (meta.Key)
        {
            case "assembly":
            case "pedigreeDB":
                if (meta.Value.Contains("://", StringComparison.Ordinal) && !IsPlausibleUrl(meta.Value))
                {
                    issues.Add(VcfIssueCodes.InvalidMetaValue, VcfSeverity.Error, meta.LineNumber, 0, meta.Key, $"'{meta.Value}' is not a valid URL.");
                }

                break;
            case "META" when v43:
                CheckMeta(meta, issues);
                break;
            case "SAMPLE":
                if (meta.Attributes is null)
                {
                    break;
                }

                string? sample = meta.Id;
                if (string.IsNullOrEmpty(sample))
                {
                    issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, "SAMPLE", "##SAMPLE has no ID.");
                }
                else if (version is not null && version < new Version(4, 3) && meta.Attribute("Genomes") is null)
                {
                    issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, "SAMPLE", "##SAMPLE needs a Genomes attribute (VCF 4.1/4.2).");
                }
                else if (!IsSimpleName(sample))
                {
                    issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, "SAMPLE", $"SAMPLE ID '{sample}' has characters other than letters, digits, '_', '-' and '.'.");
                }

                break;
            case "PEDIGREE":
                if (meta.Attributes is null)
                {
                    break;
                }

                foreach (KeyValuePair<string, string> a in meta.Attributes)
                {
                    if (!IsSimpleName(a.Value))
                    {
                        issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, "PEDIGREE", $"PEDIGREE value '{a.Value}' has characters other than letters, digits, '_', '-' and '.'.");
                        break;
                    }
                }

                break;
        }
    }

    private static void CheckMeta(VcfMetaLine meta, VcfIssueSink issues)
    {
        if (meta.Attributes is null)
        {
            return;
        }

        if (!HasOrder(meta, "ID", "Number", "Type", "Values") && !HasOrder(meta, "ID", "Type", "Number", "Values"))
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, "META", "##META needs ID, Number, Type and Values, in that order.");
            return;
        }

        string type = meta.Attribute("Type") ?? string.Empty;
        if (type is not ("Integer" or "Float" or "String" or "Character" or "Flag"))
        {
            issues.Add(VcfIssueCodes.InvalidType, VcfSeverity.Error, meta.LineNumber, 0, "META", $"META Type '{type}' is not valid.");
        }

        string values = meta.Attribute("Values") ?? string.Empty;
        if (!values.StartsWith('[') || !values.EndsWith(']'))
        {
            issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, "META", "META Values must be a list in square brackets.");
        }
    }

    public static void CheckFilter(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
        if (!HasOrder(meta, "ID", "Description"))
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, $"FILTER/{id}", "##FILTER needs ID then Description.");
        }

        if (id.AsSpan().IndexOfAny(" \t,;") >= 0 || id == "0")
        {
            issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, $"FILTER/{id}", $"FILTER ID '{id}' is not valid (no whitespace, commas or semicolons; not '0').");
        }
    }

    public static void CheckAlt(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
        if (!HasOrder(meta, "ID", "Description"))
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, $"ALT/{id}", "##ALT needs ID then Description.");
        }

        if (id.AsSpan().IndexOfAny(" \t,<>") >= 0)
        {
            issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, $"ALT/{id}", $"ALT ID '{id}' must not contain whitespace, commas or angle brackets.");
        }
        else if (id.Contains(':', StringComparison.Ordinal))
        {
            // VCF 4.3 section 1.4.5: a structured ID starts with one of the standard types.
            string prefix = id[..id.IndexOf(':', StringComparison.Ordinal)];
            if (prefix is not ("DEL" or "INS" or "DUP" or "INV" or "CNV" or "BND" or "CN"))
            {
                issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, $"ALT/{id}", $"ALT ID '{id}' must start with DEL, INS, DUP, INV or CNV before its first colon.");
            }
        }
    }

    public static void CheckContig(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
        if (!IsValidContigName(id))
        {
            issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, $"contig/{id}", $"contig ID '{id}' has characters the specification forbids.");
        }
    }

    /// <summary>VCF 4.3 section 1.4.7: <c>[0-9A-Za-z!#$%&amp;+./:;?@^_|~-][0-9A-Za-z!#$%&amp;*+./:;=?@^_|~-]*</c>.</summary>
    public static bool IsValidContigName(ReadOnlySpan<char> id, bool allowStar = true)
    {
        if (id.IsEmpty)
        {
            return false;
        }

        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            // '*' is allowed by the grammar after the first character; in a record's CHROM the reference validator rejects it.
            bool ok = char.IsAsciiLetterOrDigit(c) || "!#$%&+./:;?@^_|~-".Contains(c, StringComparison.Ordinal)
                || (i > 0 && (c == '=' || (c == '*' && allowStar)));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the attributes start with <paramref name="names"/> in that order.</summary>
    public static bool HasOrder(VcfMetaLine meta, params string[] names)
    {
        if (meta.Attributes is null || meta.Attributes.Count < names.Length)
        {
            return false;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!string.Equals(meta.Attributes[i].Key, names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSimpleName(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlausibleUrl(string value)
    {
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        string rest = value[(scheme + 3)..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string authority = slash < 0 ? rest : rest[..slash];
        int at = authority.LastIndexOf('@');
        string hostPort = at < 0 ? authority : authority[(at + 1)..];
        int colon = hostPort.LastIndexOf(':');
        string host = colon < 0 ? hostPort : hostPort[..colon];
        if (colon >= 0 && !int.TryParse(hostPort.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        if (host.Length == 0)
        {
            return false;
        }

        // A host is a dotted IPv4 address or a name with at least one letter ("8080" alone is neither).
        bool hasLetter = false;
        foreach (char c in host)
        {
            hasLetter |= char.IsAsciiLetter(c);
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-'))
            {
                return false;
            }
        }

        return hasLetter || host.Split('.').Length == 4;
    }
}
