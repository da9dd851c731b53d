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

        if (!VcfNumber.TryParse(numberText, out VcfNumber number))
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

        return new VcfFieldDefinition(id, number, type, description, meta);
    }

    public static void CheckOtherMeta(VcfMetaLine meta, Version? version, VcfIssueSink issues)
    {
    }

    public static void CheckFilter(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
    }

    public static void CheckAlt(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
    }

    public static void CheckContig(VcfMetaLine meta, string id, Version? version, VcfIssueSink issues)
    {
    }
}
