namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>The strand a transcript is read from.</summary>
public enum Strand : byte
{
    /// <summary>Forward (+) strand: transcript order is increasing genomic position.</summary>
    Forward = 0,

    /// <summary>Reverse (-) strand: transcript order is decreasing genomic position.</summary>
    Reverse = 1,
}
