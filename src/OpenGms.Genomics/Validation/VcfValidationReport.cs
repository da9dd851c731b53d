using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Validation;

/// <summary>How strictly <see cref="VcfValidator"/> judges a file.</summary>
public enum VcfValidationMode
{
    /// <summary>Errors and warnings both make the file invalid (the specification's reading).</summary>
    Strict,

    /// <summary>Only errors make the file invalid; warnings (undeclared tags, unsorted records...) are reported.</summary>
    Lenient,
}

/// <summary>Counts for one contig in a validated file.</summary>
/// <param name="Name">The CHROM value.</param>
/// <param name="Records">Records on it.</param>
public sealed record VcfContigCount(string Name, long Records);

/// <summary>What <see cref="VcfValidator"/> found.</summary>
public sealed class VcfValidationReport
{
    /// <summary>The file validated.</summary>
    public required string Path { get; init; }

    /// <summary>The mode used.</summary>
    public required VcfValidationMode Mode { get; init; }

    /// <summary>The fileformat value, e.g. <c>VCFv4.3</c>.</summary>
    public required string FileFormat { get; init; }

    /// <summary>Data lines read as records.</summary>
    public required long Records { get; init; }

    /// <summary>Data lines that could not be read as records (each reported).</summary>
    public required long SkippedLines { get; init; }

    /// <summary>Samples in the header.</summary>
    public required int Samples { get; init; }

    /// <summary>Records per contig, in file order.</summary>
    public required IReadOnlyList<VcfContigCount> Contigs { get; init; }

    /// <summary>ALT alleles by kind.</summary>
    public required IReadOnlyDictionary<VcfVariantType, long> VariantTypes { get; init; }

    /// <summary>The kept issues (see <see cref="VcfIssueSink.MaxKeptPerCode"/>).</summary>
    public required IReadOnlyList<VcfIssue> Issues { get; init; }

    /// <summary>All issues by code, including those not kept.</summary>
    public required IReadOnlyDictionary<string, long> IssueCounts { get; init; }

    /// <summary>Number of error issues.</summary>
    public required long Errors { get; init; }

    /// <summary>Number of warning issues.</summary>
    public required long Warnings { get; init; }

    /// <summary>True when the file passes in <see cref="Mode"/>.</summary>
    public bool IsValid => Errors == 0 && (Mode == VcfValidationMode.Lenient || Warnings == 0);
}
