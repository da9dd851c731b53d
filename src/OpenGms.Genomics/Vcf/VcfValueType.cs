namespace OpenGms.Genomics.Vcf;

// CA1720: the members are named exactly as the VCF specification spells the Type values.
#pragma warning disable CA1720

/// <summary>The <c>Type</c> attribute of an INFO or FORMAT definition (VCF 4.3 section 1.4.2).</summary>
public enum VcfValueType
{
    /// <summary>32-bit signed integer; values below -2^31 + 8 are reserved by BCF.</summary>
    Integer,

    /// <summary>32-bit IEEE float.</summary>
    Float,

    /// <summary>Presence only (INFO only, Number=0).</summary>
    Flag,

    /// <summary>A single character.</summary>
    Character,

    /// <summary>Free text without whitespace, commas (in lists), semicolons (INFO) or colons (FORMAT).</summary>
    String,
}

#pragma warning restore CA1720
