namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>Text formats a gene model can be read from.</summary>
public enum GeneModelFormat
{
    /// <summary>GTF 2.2 (Ensembl, GENCODE): <c>key "value";</c> attributes, CDS without the stop codon.</summary>
    Gtf,

    /// <summary>GFF3 (Ensembl, RefSeq): <c>key=value</c> attributes, ID/Parent hierarchy.</summary>
    Gff3,
}
