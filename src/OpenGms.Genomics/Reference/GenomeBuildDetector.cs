namespace OpenGms.Genomics.Reference;

/// <summary>A contig as declared by a VCF header or a FASTA index.</summary>
/// <param name="Name">The contig name.</param>
/// <param name="Length">Its length, or null when the source does not say.</param>
public readonly record struct ContigDeclaration(string Name, long? Length);

/// <summary>What <see cref="GenomeBuildDetector"/> concluded, with the evidence counted.</summary>
/// <param name="Build">The build, or <see cref="GenomeBuild.Unknown"/> when the evidence is absent or conflicting.</param>
/// <param name="Grch37Votes">Contigs whose length or accession matched GRCh37 only.</param>
/// <param name="Grch38Votes">Contigs whose length or accession matched GRCh38 only.</param>
/// <param name="Conflicts">Primary chromosomes whose length matched neither build.</param>
public sealed record GenomeBuildEvidence(GenomeBuild Build, int Grch37Votes, int Grch38Votes, int Conflicts);

/// <summary>
/// Detects GRCh37 vs GRCh38 from contig names and lengths. A RefSeq accession names its build outright;
/// otherwise each primary chromosome's length votes (chrMT has the same length in both and does not vote;
/// hg19's 16,571 bp chrM votes GRCh37). Any length that matches neither build, or votes for both builds,
/// gives <see cref="GenomeBuild.Unknown"/>: a wrong guess is worse than none.
/// </summary>
public static class GenomeBuildDetector
{
    /// <summary>Detects the build of a set of contigs.</summary>
    public static GenomeBuildEvidence Detect(IEnumerable<ContigDeclaration> contigs)
    {
        ArgumentNullException.ThrowIfNull(contigs);
        int v37 = 0;
        int v38 = 0;
        int conflicts = 0;
        foreach (ContigDeclaration contig in contigs)
        {
            if (!ContigAliases.TryGetChromosome(contig.Name, out HumanChromosome c))
            {
                continue;
            }

            bool isAccession = contig.Name.StartsWith("NC_", StringComparison.OrdinalIgnoreCase);
            if (isAccession && c.Grch37Accession != c.Grch38Accession)
            {
                if (string.Equals(contig.Name, c.Grch37Accession, StringComparison.OrdinalIgnoreCase))
                {
                    v37++;
                }
                else
                {
                    v38++;
                }

                continue;
            }

            if (contig.Length is not long length)
            {
                continue;
            }

            if (c.Name == "MT")
            {
                if (length == ContigAliases.Hg19ChrMLength)
                {
                    v37++;
                }
                else if (length != c.Grch37Length)
                {
                    conflicts++;
                }

                continue;
            }

            if (length == c.Grch37Length)
            {
                v37++;
            }
            else if (length == c.Grch38Length)
            {
                v38++;
            }
            else
            {
                conflicts++;
            }
        }

        GenomeBuild build = conflicts > 0 || (v37 > 0 && v38 > 0) ? GenomeBuild.Unknown
            : v37 > 0 ? GenomeBuild.GRCh37
            : v38 > 0 ? GenomeBuild.GRCh38
            : GenomeBuild.Unknown;
        return new GenomeBuildEvidence(build, v37, v38, conflicts);
    }

    /// <summary>Detects the build of a reference from its FASTA index.</summary>
    public static GenomeBuildEvidence Detect(FastaIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var contigs = new List<ContigDeclaration>(index.Entries.Count);
        foreach (FastaIndexEntry e in index.Entries)
        {
            contigs.Add(new ContigDeclaration(e.Name, e.Length));
        }

        return Detect(contigs);
    }
}
