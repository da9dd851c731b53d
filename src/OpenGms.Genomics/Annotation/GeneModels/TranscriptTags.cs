namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>Tags carried by a transcript in the source gene model.</summary>
[Flags]
public enum TranscriptTags : byte
{
    /// <summary>No tag.</summary>
    None = 0,

    /// <summary>MANE Select (Ensembl <c>tag=MANE_Select</c>, RefSeq <c>tag=MANE Select</c>).</summary>
    ManeSelect = 1,

    /// <summary>MANE Plus Clinical.</summary>
    ManePlusClinical = 2,

    /// <summary>Ensembl canonical (<c>tag=Ensembl_canonical</c>).</summary>
    Canonical = 4,

    /// <summary>Ensembl <c>basic</c> tag.</summary>
    Basic = 8,

    /// <summary>The CDS start is not a complete start codon (<c>cds_start_NF</c>, or the first CDS has a non-zero phase).</summary>
    CdsStartIncomplete = 16,

    /// <summary>The CDS end is not a complete stop codon (<c>cds_end_NF</c>).</summary>
    CdsEndIncomplete = 32,
}
