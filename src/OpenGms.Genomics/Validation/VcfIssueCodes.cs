namespace OpenGms.Genomics.Validation;

/// <summary>The issue codes of the VCF reader and validator; docs/vcf-issue-codes.md describes each.</summary>
public static class VcfIssueCodes
{
    /// <summary>The file cannot be read: missing, corrupt compression, or not text.</summary>
    public const string Unreadable = "VCF001";

    /// <summary>The file is empty.</summary>
    public const string EmptyFile = "VCF002";

    /// <summary>The <c>##fileformat</c> line is missing, not first, or names an unsupported version.</summary>
    public const string FileFormat = "VCF003";

    /// <summary>A meta line is malformed (not <c>##key=value</c>, bad key, unclosed quote, bad structure).</summary>
    public const string MetaLine = "VCF004";

    /// <summary>A structured meta line lacks a required attribute or has them in the wrong order.</summary>
    public const string MissingAttribute = "VCF005";

    /// <summary>An INFO/FORMAT <c>Number</c> is not valid.</summary>
    public const string InvalidNumber = "VCF006";

    /// <summary>An INFO/FORMAT <c>Type</c> is not valid, or not valid with its Number.</summary>
    public const string InvalidType = "VCF007";

    /// <summary>An ID is defined twice in the header.</summary>
    public const string DuplicateDefinition = "VCF008";

    /// <summary>A reserved tag (VCF 4.3 sections 1.6.1 and 1.6.2) is defined with a Number or Type the specification forbids.</summary>
    public const string ReservedTagDefinition = "VCF009";

    /// <summary>A definition's value is not valid (bad ID characters, bad contig length, bad URL, bad META values).</summary>
    public const string InvalidDefinition = "VCF010";

    /// <summary>The <c>#CHROM</c> column line is missing or malformed.</summary>
    public const string ColumnLine = "VCF011";

    /// <summary>A sample name appears twice in the <c>#CHROM</c> line.</summary>
    public const string DuplicateSample = "VCF012";

    /// <summary>A data line has the wrong number of columns.</summary>
    public const string ColumnCount = "VCF013";

    /// <summary>CHROM is empty or has characters the specification forbids.</summary>
    public const string InvalidChrom = "VCF014";

    /// <summary>POS is not a non-negative integer, or lies beyond the contig's length.</summary>
    public const string InvalidPos = "VCF015";

    /// <summary>ID is malformed (whitespace, empty entries, duplicates within the line).</summary>
    public const string InvalidId = "VCF016";

    /// <summary>REF is missing or has characters other than A, C, G, T, N (any case).</summary>
    public const string InvalidRef = "VCF017";

    /// <summary>ALT is malformed (bad bases, empty alleles, bad symbolic allele or breakend, REF repeated).</summary>
    public const string InvalidAlt = "VCF018";

    /// <summary>QUAL is not a non-negative number or <c>.</c>.</summary>
    public const string InvalidQual = "VCF019";

    /// <summary>FILTER is malformed (empty entries, <c>.</c> or PASS with other values, duplicates, whitespace).</summary>
    public const string InvalidFilter = "VCF020";

    /// <summary>INFO is malformed (empty entries, duplicate keys, whitespace, bad key).</summary>
    public const string InvalidInfo = "VCF021";

    /// <summary>An INFO key, FORMAT key or FILTER is not defined in the header.</summary>
    public const string Undefined = "VCF022";

    /// <summary>A value does not match its declared Type (INFO or FORMAT).</summary>
    public const string TypeMismatch = "VCF023";

    /// <summary>The number of values does not match the declared Number (INFO or FORMAT).</summary>
    public const string CountMismatch = "VCF024";

    /// <summary>FORMAT is malformed (empty keys, duplicates, GT not first, no FORMAT with samples).</summary>
    public const string InvalidFormat = "VCF025";

    /// <summary>A sample column has more values than FORMAT has keys.</summary>
    public const string SampleFields = "VCF026";

    /// <summary>GT is malformed.</summary>
    public const string InvalidGenotype = "VCF027";

    /// <summary>A GT allele index is beyond the record's alleles.</summary>
    public const string GenotypeAlleleRange = "VCF028";

    /// <summary>An integer is outside the 32-bit range VCF allows, or uses a value BCF reserves.</summary>
    public const string IntegerRange = "VCF029";

    /// <summary>Records are not sorted by position within a contig.</summary>
    public const string Unsorted = "VCF030";

    /// <summary>A contig's records are not contiguous (the contig appears again after another).</summary>
    public const string NonContiguous = "VCF031";

    /// <summary>A record repeats an earlier one (same CHROM, POS, REF and an ALT allele).</summary>
    public const string Duplicate = "VCF032";

    /// <summary>A CHROM is not declared by a <c>##contig</c> line.</summary>
    public const string UndeclaredContig = "VCF033";

    /// <summary>The last line has no line break.</summary>
    public const string MissingNewline = "VCF034";

    /// <summary>A header line appears among the records, or a data line is empty.</summary>
    public const string MisplacedLine = "VCF035";

    /// <summary>A per-sample value's count does not fit the genotype's ploidy (e.g. PL for a haploid call).</summary>
    public const string PloidyMismatch = "VCF036";

    /// <summary>REF does not match the reference genome.</summary>
    public const string ReferenceMismatch = "VCF037";

    /// <summary>A meta line other than the structured ones has a value the specification forbids.</summary>
    public const string InvalidMetaValue = "VCF038";

    /// <summary>The BGZF file lacks its end-of-file block (it may be truncated).</summary>
    public const string MissingEofBlock = "VCF039";
}
