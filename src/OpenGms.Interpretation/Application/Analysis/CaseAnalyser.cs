using System.Globalization;
using System.Text;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Vcf;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// Runs a case from VCF to ranked candidates: quality and frequency filters, annotation (after the cheap filters, so
/// only survivors are annotated), segregation, Genomics England tiering, ACMG criteria, phenotype ranking.
/// Codes: INT040 (proband not a VCF sample), INT041 (VCF not found), plus the annotation cache's ANN030/ANN031.
/// </summary>
public static class CaseAnalyser
{
    private static readonly ConsequenceSet s_high = Set(ConsequenceTerm.TranscriptAblation, ConsequenceTerm.SpliceAcceptorVariant, ConsequenceTerm.SpliceDonorVariant, ConsequenceTerm.StopGained, ConsequenceTerm.FrameshiftVariant, ConsequenceTerm.StopLost, ConsequenceTerm.StartLost, ConsequenceTerm.TranscriptAmplification, ConsequenceTerm.FeatureElongation, ConsequenceTerm.FeatureTruncation);

    // Genomics England's tier 2 "moderate" set includes splice_region_variant beside VEP's MODERATE terms; VEP 105 and
    // later name part of that region more narrowly (donor 5th base, donor region, intron bases 3-6), so those count too.
    private static readonly ConsequenceSet s_moderate = Set(ConsequenceTerm.InframeInsertion, ConsequenceTerm.InframeDeletion, ConsequenceTerm.MissenseVariant, ConsequenceTerm.ProteinAlteringVariant, ConsequenceTerm.SpliceRegionVariant, ConsequenceTerm.SpliceDonor5thBaseVariant, ConsequenceTerm.SpliceDonorRegionVariant);

    // Kept for review though never tiered: synonymous changes (BP7 evidence) are dropped; the rest of the gene's low-impact terms too.
    private static readonly ConsequenceSet s_relevant = s_high | s_moderate;

    /// <summary>Analyses a case.</summary>
    /// <param name="case">The case (its VCF path must be set).</param>
    /// <param name="cache">The annotation cache for the VCF's genome build, or null to use the VCF's own VEP CSQ field.</param>
    /// <param name="options">Settings.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The result, or a coded error.</returns>
    public static Result<AnalysisResult> Analyse(CaseDefinition @case, AnnotationCache? cache, AnalysisOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(options);
        if (@case.VcfPath is null || !File.Exists(@case.VcfPath))
        {
            return Error.NotFound("INT041", $"{@case.VcfPath ?? "(none)"}: case VCF not found");
        }

        using VcfReader reader = VcfReader.Open(@case.VcfPath);
        VcfHeader header = reader.Header;
        string vcfName = Path.GetFileName(@case.VcfPath);
        CsqLayout? csqLayout = null;
        if (cache is not null)
        {
            var annotator = new Genomics.Annotation.VcfAnnotator(cache);
            Error? contigs = annotator.CheckContigs(header, vcfName);
            if (contigs is not null && !(contigs.Code == "ANN031" && options.IgnoreContigLengths))
            {
                return contigs;
            }
        }
        else
        {
            csqLayout = CsqLayout.From(header);
            if (csqLayout is null)
            {
                return Error.BadInput("INT042", $"{vcfName}: no annotation cache given and no VEP CSQ INFO field in the VCF header (give --cache)");
            }
        }

        // Pedigree members to VCF columns. A single-sample VCF is the proband's whatever its column name.
        var members = new List<(FamilyMember Member, int Column)>();
        foreach (FamilyMember m in @case.Pedigree.Members)
        {
            int column = header.IndexOfSample(m.Id);
            if (column < 0 && header.Samples.Count == 1 && string.Equals(m.Id, @case.ProbandId, StringComparison.Ordinal))
            {
                column = 0;
            }

            if (column >= 0)
            {
                members.Add((m, column));
            }
        }

        int probandIndex = members.FindIndex(x => string.Equals(x.Member.Id, @case.ProbandId, StringComparison.Ordinal));
        if (probandIndex < 0)
        {
            return Error.BadInput("INT040", $"{vcfName}: proband {@case.ProbandId} is not a sample of the VCF (samples: {string.Join(", ", header.Samples.Take(10))})");
        }

        FamilyMember proband = members[probandIndex].Member;
        VariantAnnotator? variantAnnotator = cache is null ? null : new VariantAnnotator(cache.Transcripts, cache.Sequence);
        StructuralVariantAnnotator? svAnnotator = cache is null ? null : new StructuralVariantAnnotator(cache.Transcripts);
        var contigMap = new Dictionary<string, string?>(StringComparer.Ordinal);
        Dictionary<string, PanelGene> panelGenes = options.Panel?.Genes.ToDictionary(g => g.Symbol, StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, PanelGene>(StringComparer.OrdinalIgnoreCase);
        byte[]? frequencyKey = options.FrequencyInfoKey is null ? null : Encoding.UTF8.GetBytes(options.FrequencyInfoKey);
        byte[]? scoreKey = options.ScoreInfoKey is null ? null : Encoding.UTF8.GetBytes(options.ScoreInfoKey);
        byte[]? spliceKey = options.SpliceInfoKey is null ? null : Encoding.UTF8.GetBytes(options.SpliceInfoKey);
        bool frequencyGiven = options.Frequencies is not null || options.FrequencyInfoKey is not null;
        bool grch37 = string.Equals(@case.GenomeBuild, "GRCh37", StringComparison.Ordinal) || (cache?.Manifest.Assembly?.Contains("37", StringComparison.Ordinal) ?? false);

        long inputAlleles = 0, inProband = 0, passFilter = 0, passQuality = 0, passFrequency = 0, annotated = 0, structural = 0, structuralUnread = 0;
        var candidates = new List<Candidate>();
        var calls = new string[members.Count];
        var gts = new string[members.Count];
        var gqs = new double?[members.Count];
        var dps = new int?[members.Count];
        var haplotypes = new int[members.Count];
        var phaseSets = new string?[members.Count];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            VcfRecord record = reader.Current;
            int altCount = record.AltCount;
            inputAlleles += altCount;
            bool pass = !options.RequirePass || IsPass(record.FilterText);
            int gtIndex = record.FormatIndexOf("GT"u8);
            int gqIndex = record.FormatIndexOf("GQ"u8);
            int dpIndex = record.FormatIndexOf("DP"u8);
            int psIndex = record.FormatIndexOf("PS"u8);
            string? chromText = null;
            int altIndex = 0;
            foreach (ReadOnlySpan<byte> altBytes in record.Alts)
            {
                altIndex++;
                if (gtIndex < 0 || !record.TryGetGenotype(members[probandIndex].Column, out VcfGenotype probandGt) || Copies(probandGt, altIndex) == 0)
                {
                    continue;
                }

                inProband++;
                if (!pass)
                {
                    continue;
                }

                passFilter++;
                int probandColumn = members[probandIndex].Column;
                if (gqIndex >= 0 && VcfValues.TryParseFloat(record.SampleField(probandColumn, gqIndex), out float gq) && gq < options.MinGenotypeQuality)
                {
                    continue;
                }

                if (dpIndex >= 0 && record.TryGetSampleInt32(probandColumn, dpIndex, out int dp) && dp < options.MinDepth)
                {
                    continue;
                }

                passQuality++;
                chromText ??= Encoding.UTF8.GetString(record.Chrom);
                int position = (int)record.Position;
                string reference = Encoding.UTF8.GetString(record.Ref);
                string alt = Encoding.UTF8.GetString(altBytes);
                StructuralVariantEvent? sv = null;
                if (alt == "*")
                {
                    continue; // Overlapping-deletion allele: the deletion is its own record.
                }

                if (StructuralVariants.IsCandidate(reference, alt))
                {
                    // Structural variants need the cache's gene models; without one only a long sequence-resolved
                    // deletion goes on (as a small variant, through the CSQ field).
                    if (cache is not null && !StructuralVariantReader.TryRead(record, reference, alt, position, probandColumn, out sv))
                    {
                        structuralUnread++;
                        continue;
                    }

                    if (cache is null && alt[0] == '<')
                    {
                        structuralUnread++;
                        continue;
                    }

                    if (sv is not null)
                    {
                        structural++;
                    }
                }

                double? frequency = options.Frequencies?.Lookup(chromText, position, reference, alt);
                if (frequency is null && frequencyKey is not null && record.TryGetInfo(frequencyKey, out ReadOnlySpan<byte> afText))
                {
                    frequency = NthFloat(afText, altIndex - 1);
                }

                if (frequency > options.RecessiveMaxFrequency)
                {
                    continue;
                }

                passFrequency++;
                List<GeneHit> hits;
                string? hgvsG = null;
                List<string>? svGenes = null;
                if (cache is not null)
                {
                    if (!contigMap.TryGetValue(chromText, out string? chrom))
                    {
                        chrom = ContigNames.Match(chromText, cache.Transcripts.Chromosomes.Concat(cache.Sequence.Names));
                        contigMap[chromText] = chrom;
                    }

                    if (chrom is null)
                    {
                        continue;
                    }

                    if (sv is not null)
                    {
                        List<TranscriptAnnotation> svTranscripts = svAnnotator!.Annotate(chrom, sv.Start, sv.End, sv.Kind);
                        hgvsG = StructuralVariantReader.Hgvs(chromText, sv);
                        hits = BestPerGene(svTranscripts).Select(t => new GeneHit(t.Transcript.GeneName, t.Consequences, t.Transcript.VersionedId, null, null, t.Transcript, t)).ToList();
                        svGenes = svTranscripts.Where(t => !t.Consequences.Contains(ConsequenceTerm.UpstreamGeneVariant) && !t.Consequences.Contains(ConsequenceTerm.DownstreamGeneVariant)).Select(t => t.Transcript.GeneName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    }
                    else
                    {
                        AlleleAnnotation annotation = variantAnnotator!.Annotate(chrom, position, reference, alt);
                        hgvsG = annotation.HgvsG;
                        hits = BestPerGene(annotation.Transcripts).Select(t => new GeneHit(t.Transcript.GeneName, t.Consequences, t.Transcript.VersionedId, t.HgvsC, t.HgvsP, t.Transcript, t)).ToList();
                    }
                }
                else
                {
                    hits = record.TryGetInfo("CSQ"u8, out ReadOnlySpan<byte> csqText) ? csqLayout!.Parse(Encoding.UTF8.GetString(csqText), reference, alt, record.AltCount) : [];
                }

                double? score = scoreKey is not null && record.TryGetInfo(scoreKey, out ReadOnlySpan<byte> scoreText) ? NthFloat(scoreText, altIndex - 1) : null;
                double? splice = spliceKey is not null && record.TryGetInfo(spliceKey, out ReadOnlySpan<byte> spliceText) ? SpliceScores.ForAllele(spliceText, altBytes, altIndex - 1) : null;
                string key = ContigNames.Key(chromText);
                bool isMito = key == "MT";
                bool isX = key == "X" && !InPseudoautosomal(position, grch37);
                bool anyGene = false;
                foreach (GeneHit t in hits)
                {
                    // A predicted splice change (SpliceAI >= 0.2) keeps an otherwise low-impact allele for review (PP3).
                    if ((t.Consequences.Bits & s_relevant.Bits) == 0 && !(splice >= AcmgEvaluator.SplicePathogenic))
                    {
                        continue;
                    }

                    if (!anyGene)
                    {
                        // Family genotypes are read only for alleles that reach a gene.
                        for (int i = 0; i < members.Count; i++)
                        {
                            (FamilyMember m, int column) = members[i];
                            Call(record, column, gtIndex, gqIndex, dpIndex, psIndex, altIndex, isX && m.Sex == Sex.Male, out calls[i], out gts[i], out gqs[i], out dps[i], out haplotypes[i], out phaseSets[i]);
                        }
                    }

                    anyGene = true;
                    var genotypes = new MemberGenotype[members.Count];
                    for (int i = 0; i < members.Count; i++)
                    {
                        genotypes[i] = new MemberGenotype(members[i].Member.Id, gts[i], calls[i], gqs[i], dps[i], members[i].Member.Affected.ToString().ToLowerInvariant());
                    }

                    candidates.Add(new Candidate
                    {
                        Gene = t.Gene,
                        Variant = $"{chromText}-{position.ToString(CultureInfo.InvariantCulture)}-{reference}-{alt}",
                        Chrom = chromText,
                        Position = position,
                        Ref = reference,
                        Alt = alt,
                        Transcript = t.TranscriptId,
                        HgvsC = t.HgvsC,
                        HgvsP = t.HgvsP,
                        HgvsG = hgvsG,
                        Consequence = t.Consequences.ToString(),
                        Consequences = t.Consequences,
                        Genotypes = genotypes,
                        Frequency = frequency,
                        TranscriptModel = t.Model,
                        TranscriptAnnotation = t.Annotation,
                        InSilicoScore = score,
                        SpliceScore = splice,
                        IsX = isX,
                        IsMito = isMito,
                        Haplotypes = (int[])haplotypes.Clone(),
                        PhaseSets = (string?[])phaseSets.Clone(),
                        StructuralVariantEvent = sv,
                        StructuralVariant = sv is null ? null : new StructuralVariantView(sv.Type, sv.Start, sv.End, sv.Length, svGenes ?? [], t.Annotation?.ExonText()),
                    });
                }

                if (anyGene)
                {
                    annotated++;
                }
            }
        }

        var pedigreeMembers = members.Select(x => x.Member).ToList();
        Segregation.Assign(candidates, pedigreeMembers, probandIndex);

        // Frequency by mode of inheritance: above the dominant threshold only recessive patterns remain.
        long segregating = 0, afterModeFrequency = 0;
        var kept = new List<Candidate>(candidates.Count);
        foreach (Candidate c in candidates)
        {
            if (c.Patterns == SegregationPattern.None)
            {
                continue;
            }

            segregating++;
            if (c.Frequency > options.DominantMaxFrequency)
            {
                c.Patterns &= SegregationPattern.AutosomalRecessiveHomozygous | SegregationPattern.CompoundHeterozygous | SegregationPattern.CompoundHeterozygousUnphased | SegregationPattern.XLinkedRecessive;
            }

            if (c.Patterns == SegregationPattern.None)
            {
                continue;
            }

            afterModeFrequency++;
            kept.Add(c);
        }

        // A compound-het partner that did not survive loses its pairing.
        var survivors = new HashSet<Candidate>(kept);
        foreach (Candidate c in kept)
        {
            c.Partners.RemoveAll(p => !survivors.Contains(p));
            if (c.Partners.Count == 0)
            {
                c.Patterns &= ~(SegregationPattern.CompoundHeterozygous | SegregationPattern.CompoundHeterozygousUnphased);
            }
        }

        kept.RemoveAll(c => c.Patterns == SegregationPattern.None);
        foreach (Candidate c in kept)
        {
            if (panelGenes.TryGetValue(c.Gene, out PanelGene? pg))
            {
                c.GeneInheritance = Domain.Inheritance.Parse(pg.ModeOfInheritance);
                c.GeneModeOfInheritance = pg.ModeOfInheritance;
                c.HgncId = HgncIdOf(pg.HgncId);
                c.PanelConfidence = pg.Confidence.ToString().ToLowerInvariant();
                c.InGreenGene = pg.Confidence == PanelConfidence.Green;
            }

            c.ClinVar = options.ClinVar?.Find(c.Chrom, c.Position, c.Ref, c.Alt)?.Significance;
        }

        Classify(kept, pedigreeMembers, probandIndex, options, frequencyGiven, variantAnnotator, contigMap, firstPass: true);
        Classify(kept, pedigreeMembers, probandIndex, options, frequencyGiven, variantAnnotator, contigMap, firstPass: false);
        foreach (Candidate c in kept)
        {
            Tiering.Assign(c, s_high, s_moderate);
        }

        Ranking.Rank(kept, @case.HpoTerms, options.Phenotype);
        var filters = new List<FilterStep>
        {
            new("input", inputAlleles, inputAlleles, "alternate alleles in the VCF"),
            new("in proband", inputAlleles, inProband, $"proband {proband.Id} carries the allele"),
            new("FILTER", inProband, passFilter, options.RequirePass ? "FILTER is PASS or missing" : "not applied"),
            new("genotype quality", passFilter, passQuality, $"proband GQ >= {options.MinGenotypeQuality.ToString(CultureInfo.InvariantCulture)} and DP >= {options.MinDepth.ToString(CultureInfo.InvariantCulture)} (when given); {structuralUnread.ToString(CultureInfo.InvariantCulture)} structural allele(s) that cannot be placed dropped ({structural.ToString(CultureInfo.InvariantCulture)} read as structural variants)"),
            new("population frequency", passQuality, passFrequency, frequencyGiven ? $"AF <= {options.RecessiveMaxFrequency.ToString(CultureInfo.InvariantCulture)} (absent counts as rare)" : "no frequency source: not applied"),
            new("consequence", passFrequency, annotated, cache is null ? "high or moderate impact (or splice region) in the VCF's CSQ field" : "high or moderate impact (or splice region) on a transcript in the cache"),
            new("segregation", candidates.Count, segregating, "fits de novo, AD, AR (hom or compound het), X-linked or mitochondrial in the family; counts are (allele, gene) rows"),
            new("frequency by mode", segregating, kept.Count, $"AF <= {options.DominantMaxFrequency.ToString(CultureInfo.InvariantCulture)} for dominant patterns, <= {options.RecessiveMaxFrequency.ToString(CultureInfo.InvariantCulture)} for recessive"),
            new("tiered", kept.Count, kept.Count(c => c.Tier is not null), "Genomics England tier 1, 2 or 3"),
        };

        var notTested = new List<string>
        {
            "coverage: no read-depth (BAM/CRAM) data, so gaps in the panel genes' coverage are not reported",
            cache is null
                ? "structural variants and copy-number changes (they need --cache for gene models); repeat expansions"
                : "breakends (BND), insertions (<INS>), copy-number calls without FORMAT CN and repeat expansions; SV breakpoints are taken as called (no read evidence checked)",
            cache is null
                ? "annotation taken from the VCF's CSQ field as given: no transcript model, so the PVS1 NMD and exon-skipping checks fall back to PVS1_Strong"
                : "variants outside the transcripts of the annotation cache (" + cache.Manifest.TranscriptCount.ToString(CultureInfo.InvariantCulture) + " transcripts)",
        };
        if (options.Panel is not null && cache is not null)
        {
            var annotatedGenes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string chromosome in cache.Transcripts.Chromosomes)
            {
                foreach (Transcript t in cache.Transcripts.OnChromosome(chromosome))
                {
                    annotatedGenes.Add(t.GeneName);
                }
            }

            List<string> missing = options.Panel.Genes.Where(g => g.Confidence == PanelConfidence.Green && !annotatedGenes.Contains(g.Symbol)).Select(g => g.Symbol).ToList();
            if (missing.Count > 0)
            {
                notTested.Add($"{missing.Count} green panel gene(s) have no transcript in the cache: {string.Join(", ", missing.Take(30))}{(missing.Count > 30 ? ", ..." : string.Empty)}");
            }

            notTested.Add("genes outside the panel are reported only as tier 3");
        }
        else
        {
            notTested.Add("no panel applied: every candidate is outside a panel (tier 3 at most)");
        }

        if (!frequencyGiven)
        {
            notTested.Add("population frequency: no source given, so no frequency filter, PM2, BA1 or BS1");
        }

        if (members.Count < @case.Pedigree.Members.Count)
        {
            notTested.Add($"{@case.Pedigree.Members.Count - members.Count} pedigree member(s) have no VCF sample: segregation uses the others");
        }

        var versions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vcf"] = vcfName,
            ["annotation"] = cache is null ? "VEP CSQ field of the VCF" : $"{cache.Manifest.SourceFile} on {cache.Manifest.ReferenceFile} ({cache.Manifest.Assembly ?? "build not recorded"}, built {cache.Manifest.Created:yyyy-MM-dd})",
        };
        if (options.Panel is not null)
        {
            versions["panel"] = $"{options.Panel.Name} (id {options.Panel.PanelId.ToString(CultureInfo.InvariantCulture)}) v{options.Panel.Version}";
        }

        if (options.Frequencies is not null)
        {
            versions["frequency"] = $"{options.Frequencies.Name} INFO {options.Frequencies.Key}";
        }

        if (options.ClinVar is not null)
        {
            versions["clinvar"] = options.ClinVar.Name + (options.ClinVar.Version is null ? string.Empty : " " + options.ClinVar.Version);
        }

        if (options.Phenotype is not null)
        {
            versions["phenotype"] = options.Phenotype.DataVersion;
        }

        return new AnalysisResult(@case.CaseId, proband.Id, @case.Pedigree.Members, @case.HpoTerms, @case.ExcludedHpoTerms, @case.TestCode, @case.GenomeBuild ?? cache?.Manifest.Assembly, options.Panel, filters, kept, notTested, versions);
    }

    /// <summary>Evaluates ACMG per candidate. The second pass adds PM3 from partners classified P/LP in the first.</summary>
    private static void Classify(List<Candidate> candidates, List<FamilyMember> members, int probandIndex, AnalysisOptions options, bool frequencyGiven, VariantAnnotator? annotator, Dictionary<string, string?> contigMap, bool firstPass)
    {
        foreach (Candidate c in candidates)
        {
            bool? inTrans = null;
            string? partnerText = null;
            if (!firstPass)
            {
                foreach (Candidate p in c.Partners)
                {
                    if ((c.Patterns & SegregationPattern.CompoundHeterozygous) != 0 && p.AcmgResult?.Class >= AcmgClass.LikelyPathogenic)
                    {
                        inTrans = true;
                        partnerText = $"{p.Variant} {p.HgvsC} ({AcmgRules.ShortName(p.AcmgResult.Class)})";
                        break;
                    }

                    inTrans ??= false;
                }
            }

            IReadOnlyList<ClinVarProteinMatch>? matches = null;
            if (options.ClinVar is not null && annotator is not null && c.Consequences.Contains(ConsequenceTerm.MissenseVariant) && c.TranscriptModel is not null)
            {
                matches = ClinVarMatches(c, options.ClinVar, annotator, contigMap);
            }

            // Derived ClinVar evidence (critical region for PVS1, hot spot for PM1), found once in the first pass.
            if (firstPass && options.ClinVar is not null && annotator is not null && c.TranscriptModel is not null && c.StructuralVariantEvent is null
                && contigMap.GetValueOrDefault(c.Chrom) is string clinVarChrom)
            {
                if (c.Consequences.Contains(ConsequenceTerm.MissenseVariant))
                {
                    c.NearbyPathogenicMissense = ClinVarDerivedEvidence.NearbyMissense(c, options.ClinVar, annotator, clinVarChrom);
                }

                if (c.Consequences.Contains(ConsequenceTerm.StopGained) || c.Consequences.Contains(ConsequenceTerm.FrameshiftVariant))
                {
                    c.CriticalRegionEvidence = ClinVarDerivedEvidence.DownstreamTruncating(c, options.ClinVar, annotator, clinVarChrom);
                }
            }

            var input = new AcmgInput(
                c.Gene, c.Consequences, c.TranscriptModel, c.TranscriptAnnotation, c.Position, c.Frequency, frequencyGiven, c.Patterns,
                options.ParentageConfirmed, inTrans, partnerText, c.InSilicoScore, options.ScoreInfoKey, matches,
                HealthyCarrier(c, members, probandIndex), c.GeneInheritance,
                AffectedRelatives(c, members, probandIndex, carriers: true), AffectedRelatives(c, members, probandIndex, carriers: false))
            {
                SpliceScore = c.SpliceScore,
                SpliceName = options.SpliceInfoKey,
                StructuralVariant = c.StructuralVariantEvent,
                ReferenceLength = c.Ref.Length,
                CriticalRegionEvidence = c.CriticalRegionEvidence,
                NearbyPathogenicMissense = c.NearbyPathogenicMissense,
            };
            List<AcmgOverride> overrides = [];
            if (options.Overrides.TryGetValue(c.Variant, out IReadOnlyList<AcmgOverride>? byVariant))
            {
                overrides.AddRange(byVariant);
            }

            if (options.Overrides.TryGetValue(c.Gene, out IReadOnlyList<AcmgOverride>? byGene))
            {
                overrides.AddRange(byGene);
            }

            c.AcmgResult = AcmgEvaluator.Evaluate(input, overrides);
        }
    }

    private static List<ClinVarProteinMatch> ClinVarMatches(Candidate c, ClinVarSource clinVar, VariantAnnotator annotator, Dictionary<string, string?> contigMap)
    {
        var result = new List<ClinVarProteinMatch>();
        string? chrom = contigMap.GetValueOrDefault(c.Chrom);
        if (chrom is null)
        {
            return result;
        }

        // The codon lies within 2 bases of the variant (exon boundaries aside, where a codon is split).
        foreach (ClinVarRecord r in clinVar.Range(c.Chrom, c.Position - 2, c.Position + 2))
        {
            if (!r.IsPathogenic)
            {
                continue;
            }

            AlleleAnnotation a = annotator.Annotate(chrom, r.Position, r.Reference, r.Alternate);
            foreach (TranscriptAnnotation t in a.Transcripts)
            {
                if (ReferenceEquals(t.Transcript, c.TranscriptModel) && t.Consequences.Contains(ConsequenceTerm.MissenseVariant) && t.HgvsP is not null)
                {
                    bool same = r.Position == c.Position && string.Equals(r.Reference, c.Ref, StringComparison.Ordinal) && string.Equals(r.Alternate, c.Alt, StringComparison.Ordinal);
                    result.Add(new ClinVarProteinMatch(r.Id, t.HgvsP, t.ProteinStart, same, r.Significance));
                }
            }
        }

        return result;
    }

    private static string? HealthyCarrier(Candidate c, List<FamilyMember> members, int probandIndex)
    {
        if (c.IsMito)
        {
            return null; // Heteroplasmy levels are not known from GT, so a healthy carrier is no evidence here.
        }

        for (int i = 0; i < members.Count; i++)
        {
            if (i == probandIndex || members[i].Affected != AffectedStatus.Unaffected)
            {
                continue;
            }

            string call = c.Genotypes[i].Call;
            bool dominantGene = (c.GeneInheritance & (GeneInheritance.Monoallelic | GeneInheritance.XLinkedDominant)) != 0 && (c.GeneInheritance & GeneInheritance.Biallelic) == 0;
            bool diseaseGenotype = call == "hom_alt" || call == "hemi" || (dominantGene && call == "het");
            if (diseaseGenotype)
            {
                return $"unaffected {members[i].Id} is {call}";
            }
        }

        return null;
    }

    private static int AffectedRelatives(Candidate c, List<FamilyMember> members, int probandIndex, bool carriers)
    {
        int n = 0;
        for (int i = 0; i < members.Count; i++)
        {
            if (i == probandIndex || members[i].Affected != AffectedStatus.Affected || c.Genotypes[i].Call == "missing")
            {
                continue;
            }

            if (c.Genotypes[i].Carries == carriers)
            {
                n++;
            }
        }

        return n;
    }

    private static IEnumerable<TranscriptAnnotation> BestPerGene(IReadOnlyList<TranscriptAnnotation> transcripts)
    {
        if (transcripts.Count == 0)
        {
            yield break;
        }

        var best = new Dictionary<string, TranscriptAnnotation>(StringComparer.Ordinal);
        foreach (TranscriptAnnotation t in transcripts)
        {
            if (!best.TryGetValue(t.Transcript.GeneName, out TranscriptAnnotation? current) || Better(t, current))
            {
                best[t.Transcript.GeneName] = t;
            }
        }

        foreach (TranscriptAnnotation t in best.Values)
        {
            yield return t;
        }
    }

    private static bool Better(TranscriptAnnotation a, TranscriptAnnotation b)
    {
        int Rank(TranscriptAnnotation t) => (t.Transcript.Tags & TranscriptTags.ManeSelect) != 0 ? 0 : (t.Transcript.Tags & TranscriptTags.Canonical) != 0 ? 1 : t.Transcript.IsCoding ? 2 : 3;
        int ra = Rank(a);
        int rb = Rank(b);
        if (ra != rb)
        {
            return ra < rb;
        }

        if (a.Consequences.IsEmpty || b.Consequences.IsEmpty)
        {
            return !a.Consequences.IsEmpty;
        }

        if (a.Consequences.MostSevere != b.Consequences.MostSevere)
        {
            return a.Consequences.MostSevere < b.Consequences.MostSevere;
        }

        return a.Transcript.SplicedLength > b.Transcript.SplicedLength;
    }

    private static void Call(VcfRecord record, int column, int gtIndex, int gqIndex, int dpIndex, int psIndex, int altIndex, bool maleX, out string call, out string text, out double? gq, out int? dp, out int haplotype, out string? phaseSet)
    {
        gq = gqIndex >= 0 && VcfValues.TryParseFloat(record.SampleField(column, gqIndex), out float q) ? q : null;
        dp = dpIndex >= 0 && record.TryGetSampleInt32(column, dpIndex, out int d) ? d : null;
        haplotype = 0;
        phaseSet = null;
        ReadOnlySpan<byte> gtText = gtIndex >= 0 ? record.SampleField(column, gtIndex) : default;
        text = gtText.IsEmpty ? "." : Encoding.UTF8.GetString(gtText);
        if (!VcfGenotype.TryParse(gtText, out VcfGenotype gt) || gt.IsMissing)
        {
            call = "missing";
            return;
        }

        int copies = Copies(gt, altIndex);
        if (copies == 0)
        {
            call = gt.HasMissing ? "missing" : "hom_ref";
            return;
        }

        if (gt.Ploidy == 1 || (maleX && copies == gt.Ploidy))
        {
            call = "hemi";
            return;
        }

        call = copies == gt.Ploidy ? "hom_alt" : "het";
        if (gt.IsPhased && call == "het")
        {
            haplotype = gt[0] == altIndex ? 1 : 2;
            phaseSet = psIndex >= 0 ? Encoding.UTF8.GetString(record.SampleField(column, psIndex)) : "*";
        }
    }

    private static int Copies(VcfGenotype gt, int altIndex)
    {
        int n = 0;
        for (int i = 0; i < gt.Ploidy; i++)
        {
            if (gt[i] == altIndex)
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsPass(ReadOnlySpan<byte> filter) => filter.SequenceEqual("PASS"u8) || filter.SequenceEqual("."u8) || filter.IsEmpty;

    private static double? NthFloat(ReadOnlySpan<byte> text, int n)
    {
        int i = 0;
        foreach (ReadOnlySpan<byte> v in new VcfListEnumerator(text, (byte)','))
        {
            if (i++ == n)
            {
                return VcfValues.TryParseFloat(v, out float f) ? f : null;
            }
        }

        return null;
    }

    /// <summary>Pseudoautosomal regions of X (PAR1, PAR2), which segregate like autosomes.</summary>
    private static bool InPseudoautosomal(int position, bool grch37) => grch37
        ? (position >= 60_001 && position <= 2_699_520) || (position >= 154_931_044 && position <= 155_260_560)
        : (position >= 10_001 && position <= 2_781_479) || (position >= 155_701_383 && position <= 156_030_895);

    private static ConsequenceSet Set(params ReadOnlySpan<ConsequenceTerm> terms)
    {
        var s = default(ConsequenceSet);
        foreach (ConsequenceTerm t in terms)
        {
            s = s.With(t);
        }

        return s;
    }

    /// <summary>An HGNC gene id as <c>HGNC:nnnn</c>: panels give it with the prefix, some tables as the bare number.</summary>
    internal static string? HgncIdOf(string? id)
    {
        string trimmed = id?.Trim() ?? string.Empty;
        string digits = trimmed.StartsWith("HGNC:", StringComparison.OrdinalIgnoreCase) ? trimmed[5..] : trimmed;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "HGNC:" + digits : null;
    }
}
