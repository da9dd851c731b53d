using OpenGms.Genomics.Annotation.GeneModels;

namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>What one variant allele does to one transcript.</summary>
public sealed class TranscriptAnnotation
{
    /// <summary>Creates an annotation.</summary>
    /// <param name="transcript">The transcript.</param>
    /// <param name="consequences">SO terms.</param>
    public TranscriptAnnotation(Transcript transcript, ConsequenceSet consequences)
    {
        Transcript = transcript;
        Consequences = consequences;
    }

    /// <summary>The transcript.</summary>
    public Transcript Transcript { get; }

    /// <summary>SO terms, most severe first when enumerated.</summary>
    public ConsequenceSet Consequences { get; internal set; }

    /// <summary>Exon number (transcript order, 1-based) of the first exon hit, 0 when none.</summary>
    public int Exon { get; internal set; }

    /// <summary>Last exon number hit when the variant spans several, else equal to <see cref="Exon"/>.</summary>
    public int ExonLast { get; internal set; }

    /// <summary>Intron number (1-based) of the first intron hit, 0 when none.</summary>
    public int Intron { get; internal set; }

    /// <summary>Last intron number hit when the variant spans several, else equal to <see cref="Intron"/>.</summary>
    public int IntronLast { get; internal set; }

    /// <summary>HGVS c. (or n. for non-coding) with the versioned transcript accession, or null.</summary>
    public string? HgvsC { get; internal set; }

    /// <summary>HGVS p. with the protein accession, or null.</summary>
    public string? HgvsP { get; internal set; }

    /// <summary>First protein position affected (1-based), 0 when not coding.</summary>
    public int ProteinStart { get; internal set; }

    /// <summary>Last protein position affected.</summary>
    public int ProteinEnd { get; internal set; }

    /// <summary>Reference/alternate amino acids as VEP shows them (<c>R/W</c>), or null.</summary>
    public string? AminoAcids { get; internal set; }

    /// <summary>Distance to the transcript for upstream/downstream variants, else 0.</summary>
    public int Distance { get; internal set; }

    /// <summary>"exon/total" or null.</summary>
    /// <returns>The text.</returns>
    public string? ExonText() => Exon == 0 ? null : (ExonLast != Exon ? $"{Math.Min(Exon, ExonLast)}-{Math.Max(Exon, ExonLast)}" : $"{Exon}") + "/" + Transcript.ExonCount;

    /// <summary>"intron/total" or null.</summary>
    /// <returns>The text.</returns>
    public string? IntronText() => Intron == 0 ? null : (IntronLast != Intron ? $"{Math.Min(Intron, IntronLast)}-{Math.Max(Intron, IntronLast)}" : $"{Intron}") + "/" + (Transcript.ExonCount - 1);
}
