namespace OpenGms.Genomics.Validation;

/// <summary>How serious a <see cref="VcfIssue"/> is.</summary>
public enum VcfSeverity
{
    /// <summary>Allowed by the specification but worth knowing; never makes a file invalid.</summary>
    Note,

    /// <summary>Breaks a rule that readers commonly tolerate; makes the file invalid only in strict mode.</summary>
    Warning,

    /// <summary>Breaks the specification; the file is invalid in every mode.</summary>
    Error,
}

/// <summary>One problem found in a VCF file, with where it is.</summary>
/// <param name="Code">A stable code such as <c>VCF012</c> (docs/vcf-issue-codes.md); tests assert on this.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Line">1-based line number in the uncompressed text; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based tab-separated column (1 = CHROM), or 0 for a header line or the whole line.</param>
/// <param name="Field">The field concerned, such as <c>INFO/DP</c> or <c>FORMAT/GT</c>; empty when none.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record VcfIssue(string Code, VcfSeverity Severity, long Line, int Column, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Severity.ToString().ToUpperInvariant()} {Code} line {Line}{(Column > 0 ? $" column {Column}" : string.Empty)}{(Field.Length > 0 ? $" [{Field}]" : string.Empty)}: {Message}";
}
