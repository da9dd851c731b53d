namespace OpenGms.Genomics.Normalisation;

/// <summary>Which records <c>-m</c> splits or joins (bcftools norm <c>-m [+-]any|snps|indels|both</c>).</summary>
public enum MultiallelicMode
{
    /// <summary>Leave multiallelic records alone.</summary>
    None,

    /// <summary><c>-m -any</c>: split every multiallelic record.</summary>
    SplitAny,

    /// <summary><c>-m -snps</c>: split records whose ALTs include SNPs (or MNPs).</summary>
    SplitSnps,

    /// <summary><c>-m -indels</c>: split records whose ALTs include indels.</summary>
    SplitIndels,

    /// <summary><c>-m -both</c>: split SNPs and indels.</summary>
    SplitBoth,

    /// <summary><c>-m +any</c>: join biallelic records at the same position into one.</summary>
    JoinAny,

    /// <summary><c>-m +snps</c>: join SNP records.</summary>
    JoinSnps,

    /// <summary><c>-m +indels</c>: join indel records.</summary>
    JoinIndels,

    /// <summary><c>-m +both</c>: join SNPs with SNPs and indels with indels.</summary>
    JoinBoth,
}

/// <summary>Duplicate removal (<c>-d</c>): which records at one position count as duplicates.</summary>
public enum DuplicateMode
{
    /// <summary>Keep everything.</summary>
    Off,

    /// <summary><c>snps</c>: any SNP record after the first SNP record at a position.</summary>
    Snps,

    /// <summary><c>indels</c>: any indel record after the first indel record at a position.</summary>
    Indels,

    /// <summary><c>both</c>: <c>snps</c> and <c>indels</c> together.</summary>
    Both,

    /// <summary><c>all</c> (alias <c>any</c>): any record after the first at a position.</summary>
    All,

    /// <summary><c>exact</c> (alias <c>none</c>): records with the same REF and the same set of ALTs.</summary>
    Exact,
}

/// <summary>What to do when REF disagrees with the reference (<c>-c</c>).</summary>
public enum RefCheckMode
{
    /// <summary><c>e</c>: stop with an error (the default).</summary>
    Error,

    /// <summary><c>w</c>: warn and write the record unchanged.</summary>
    Warn,

    /// <summary><c>x</c>: exclude the record.</summary>
    Exclude,

    /// <summary><c>wx</c>: warn and exclude.</summary>
    WarnExclude,

    /// <summary><c>s</c>: set REF from the reference (fixes IUPAC codes, swapped alleles, missing REF).</summary>
    Fix,
}

/// <summary>The options of <c>gms vcf normalise</c>, with bcftools norm's meanings.</summary>
public sealed record NormaliseOptions
{
    /// <summary><c>-m</c>.</summary>
    public MultiallelicMode Multiallelics { get; init; } = MultiallelicMode.None;

    /// <summary><c>-d</c>.</summary>
    public DuplicateMode Duplicates { get; init; } = DuplicateMode.Off;

    /// <summary><c>-c</c>.</summary>
    public RefCheckMode RefCheck { get; init; } = RefCheckMode.Error;

    /// <summary><c>-a</c>: decompose MNPs into consecutive SNPs.</summary>
    public bool Atomize { get; init; }

    /// <summary><c>--atom-overlaps</c>: the allele (<c>*</c> or <c>.</c>) written for overlapping atoms.</summary>
    public string AtomOverlaps { get; init; } = "*";

    /// <summary><c>--multi-overlaps</c>: the allele (<c>0</c> or <c>.</c>) a split record's genotypes use for the other ALTs.</summary>
    public string MultiOverlaps { get; init; } = "0";

    /// <summary><c>--old-rec-tag</c>: INFO tag that records the original CHR|POS|REF|ALT|USED_ALT_IDX of changed records.</summary>
    public string? OldRecTag { get; init; }

    /// <summary><c>-N</c>: do not left-align or trim (REF checks and splitting still apply).</summary>
    public bool DoNotNormalise { get; init; }

    /// <summary><c>-s</c>: when joining, write FILTER PASS only when every joined record passed.</summary>
    public bool StrictFilter { get; init; }

    /// <summary><c>-w</c>: how far (bp) a realigned record may move before it is written (the sorting buffer).</summary>
    public int SiteWindow { get; init; } = 1000;

    /// <summary>
    /// <c>--force</c>: split even when a Number=G field's length fits neither haploid nor diploid genotypes
    /// (the field is then dropped from the split records rather than stopping).
    /// </summary>
    public bool Force { get; init; }

    /// <summary><c>-S lex</c>: records at the same position are written in REF, then ALT order (default: the order they were made in).</summary>
    public bool SortLexically { get; init; }

    /// <summary>True when <see cref="Multiallelics"/> splits.</summary>
    public bool Splits => Multiallelics is MultiallelicMode.SplitAny or MultiallelicMode.SplitSnps or MultiallelicMode.SplitIndels or MultiallelicMode.SplitBoth;

    /// <summary>True when <see cref="Multiallelics"/> joins.</summary>
    public bool Joins => Multiallelics is MultiallelicMode.JoinAny or MultiallelicMode.JoinSnps or MultiallelicMode.JoinIndels or MultiallelicMode.JoinBoth;
}
