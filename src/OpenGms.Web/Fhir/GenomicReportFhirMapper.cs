using System.Globalization;
using Hl7.Fhir.Model;

namespace OpenGms.Web.Fhir;

/// <summary>
/// An authorised report as a FHIR R4 DiagnosticReport following HL7 Genomics Reporting (STU3, 3.0.0): the report
/// contains its Variant, Diagnostic Implication, Genotype and Therapeutic Implication Observations and lists them in
/// <c>result</c>; implications point at what they were derived from. Codes are those the IG binds (LOINC, HGNC, HGVS).
/// </summary>
public static class GenomicReportFhirMapper
{
    /// <summary>Canonical base of the Genomics Reporting IG's profiles.</summary>
    public const string ProfileBase = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";

    /// <summary>The IG's own code system for concepts LOINC has no code for yet.</summary>
    public const string TbdCodes = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs";

    private const string Loinc = "http://loinc.org";
    // Genomics Reporting 3.0.0 (STU3) binds genes to HGNC ids in the code system http://www.genenames.org (STU2 and
    // earlier said .../geneId); the code is the id with its "HGNC:" prefix, the display the approved symbol.
    private const string HgncSystem = "http://www.genenames.org";
    private const string HgvsSystem = "http://varnomen.hgvs.org";
    private const string RxNormSystem = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string ReportIdSystem = "https://opengms.example/Id/genomic-report";

    /// <summary>The report, its observations contained. The resource id is the report id; meta.versionId its version.</summary>
    public static DiagnosticReport ToDiagnosticReport(GenomicReportContent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ResourceReference patient = PatientReference(report.Patient);
        DateTimeOffset issued = report.Issued;
        ObservationStatus status = report.Status switch
        {
            ReportVersionStatus.Amended => ObservationStatus.Amended,
            ReportVersionStatus.Corrected => ObservationStatus.Corrected,
            _ => ObservationStatus.Final,
        };

        var dr = new DiagnosticReport
        {
            Id = report.ReportId.ToString("N"),
            Meta = new Meta { Profile = [ProfileBase + "genomic-report"], VersionId = report.Version.ToString(CultureInfo.InvariantCulture) },
            Identifier = [new Identifier(ReportIdSystem, $"{report.ReportId:N}/{report.Version}")],
            BasedOn = [new ResourceReference($"ServiceRequest/{report.OrderId:N}")],
            Status = report.Status switch
            {
                ReportVersionStatus.Amended => DiagnosticReport.DiagnosticReportStatus.Amended,
                ReportVersionStatus.Corrected => DiagnosticReport.DiagnosticReportStatus.Corrected,
                _ => DiagnosticReport.DiagnosticReportStatus.Final,
            },
            Category = [Genetics()],
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding(Loinc, "51969-4", "Genetic analysis report"),
                    new Coding(OrderBundleReader.TestDirectorySystem, report.TestCode, report.TestName),
                ],
                Text = report.TestName ?? report.TestCode,
            },
            Subject = patient,
            Issued = report.Issued,
            Performer = [new ResourceReference { Identifier = new Identifier(OrderFhirMapper.GlhSystem, report.GlhCode), Display = report.ReportedBy }],
            ResultsInterpreter = [new ResourceReference { Display = report.AuthorisedBy }],
            Conclusion = report.Conclusion,
        };

        int n = 0;
        foreach (ReportedVariant variant in report.Variants)
        {
            n++;
            string variantId = $"variant-{n}";
            Observation observed = Variant(variant, variantId, patient, status, issued);
            Observation implication = DiagnosticImplication(variant, $"dx-{n}", variantId, patient, status, issued);
            Add(dr, observed);
            Add(dr, implication);
        }

        var genotypeIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        n = 0;
        foreach (ReportedPgxGene gene in report.PgxGenes)
        {
            n++;
            string genotypeId = $"genotype-{n}";
            Observation genotype = Genotype(gene, genotypeId, patient, status, issued);
            if (!genotypeIds.TryAdd(gene.GeneSymbol, genotypeId))
            {
                throw new ArgumentException($"The report lists pharmacogene {gene.GeneSymbol} twice.", nameof(report));
            }

            Add(dr, genotype);
        }

        n = 0;
        foreach (ReportedDrug drug in report.Drugs)
        {
            n++;
            Add(dr, TherapeuticImplication(drug, $"tx-{n}", report.PgxGenes, genotypeIds, patient, status, issued));
        }

        if (report.Changes is { Length: > 0 } changes)
        {
            // A later version says what changed in the report itself, so a reader of this version alone sees it.
            dr.Conclusion = string.IsNullOrEmpty(dr.Conclusion) ? $"Changed from the previous version: {changes}" : $"{dr.Conclusion}\n\nChanged from the previous version: {changes}";
        }

        return dr;
    }

    private static void Add(DiagnosticReport report, Observation observation)
    {
        report.Contained.Add(observation);
        report.Result.Add(new ResourceReference("#" + observation.Id));
    }

    private static Observation Variant(ReportedVariant v, string id, ResourceReference patient, ObservationStatus status, DateTimeOffset issued)
    {
        var o = Observation(id, "variant", patient, status, issued, Concept(Loinc, "69548-6", "Genetic variant assessment"));
        o.Value = Concept(Loinc, "LA9633-4", "Present");
        o.Component.Add(Component("48018-6", "Gene studied [ID]", Gene(v.HgncId, v.GeneSymbol)));
        if (v.GenomicHgvs is { } g)
        {
            o.Component.Add(Component("81290-9", "Genomic DNA change (gHGVS)", Concept(HgvsSystem, g)));
        }

        if (v.CodingHgvs is { } c)
        {
            o.Component.Add(Component("48004-6", "DNA change (c.HGVS)", Concept(HgvsSystem, c)));
        }

        if (v.ProteinHgvs is { } p)
        {
            o.Component.Add(Component("48005-3", "Amino acid change (pHGVS)", Concept(HgvsSystem, p)));
        }

        o.Component.Add(Component("62374-4", "Human reference sequence assembly version", v.Build switch
        {
            GenomeBuild.GRCh37 => Concept(Loinc, "LA14029-5", "GRCh37"),
            _ => Concept(Loinc, "LA26806-2", "GRCh38"),
        }));
        string chromosome = ChromosomeName(v.Chromosome);
        if (ChromosomeAnswer(chromosome) is { } answer)
        {
            // The profile binds 48000-4 to LOINC's answer list LL2938-0 (required): chromosomes 1-22, X and Y.
            o.Component.Add(Component("48000-4", "Chromosome", Concept(Loinc, answer, "Chromosome " + chromosome)));
        }
        else
        {
            // The mitochondrion and unplaced or alternate contigs have no LL2938-0 answer: named as text.
            o.Component.Add(Component("48001-2", "Cytogenetic (chromosome) location", new CodeableConcept { Text = "chr" + chromosome }));
        }

        // VCF positions are 1-based and closed: the allele covers [pos, pos + len(ref) - 1] in 1-based character counting.
        o.Component.Add(Component("92822-6", "Genomic coord system", Concept(Loinc, "LA30102-0", "1-based character counting")));
        o.Component.Add(Component("81254-5", "Genomic allele start-end", new Hl7.Fhir.Model.Range
        {
            Low = new Quantity { Value = v.Position },
            High = new Quantity { Value = v.Position + v.Ref.Length - 1 },
        }));
        o.Component.Add(Component("69547-8", "Genomic ref allele [ID]", new FhirString(v.Ref)));
        o.Component.Add(Component("69551-0", "Genomic alt allele [ID]", new FhirString(v.Alt)));
        o.Component.Add(Component("53034-5", "Allelic state", v.Zygosity switch
        {
            Zygosity.Homozygous => Concept(Loinc, "LA6705-3", "Homozygous"),
            Zygosity.Hemizygous => Concept(Loinc, "LA6707-9", "Hemizygous"),
            _ => Concept(Loinc, "LA6706-1", "Heterozygous"),
        }));
        return o;
    }

    private static Observation DiagnosticImplication(ReportedVariant v, string id, string variantId, ResourceReference patient, ObservationStatus status, DateTimeOffset issued)
    {
        var o = Observation(id, "diagnostic-implication", patient, status, issued, Concept(TbdCodes, "diagnostic-implication", "Diagnostic Implication"));
        o.DerivedFrom.Add(new ResourceReference("#" + variantId));
        o.Component.Add(Component("53037-8", "Genetic variation clinical significance", v.Classification switch
        {
            AcmgClass.Pathogenic => Concept(Loinc, "LA6668-3", "Pathogenic"),
            AcmgClass.LikelyPathogenic => Concept(Loinc, "LA26332-9", "Likely pathogenic"),
            AcmgClass.UncertainSignificance => Concept(Loinc, "LA26333-7", "Uncertain significance"),
            AcmgClass.LikelyBenign => Concept(Loinc, "LA26334-5", "Likely benign"),
            _ => Concept(Loinc, "LA6675-8", "Benign"),
        }));
        if (v.Condition is { } condition)
        {
            o.Component.Add(Component("81259-4", "Associated phenotype", new CodeableConcept { Text = condition }));
        }

        return o;
    }

    private static Observation Genotype(ReportedPgxGene gene, string id, ResourceReference patient, ObservationStatus status, DateTimeOffset issued)
    {
        var o = Observation(id, "genotype", patient, status, issued, Concept(Loinc, "84413-4", "Genotype display name"));
        o.Value = new CodeableConcept { Text = $"{gene.GeneSymbol}{gene.Diplotype}" };
        o.Component.Add(Component("48018-6", "Gene studied [ID]", Gene(gene.HgncId, gene.GeneSymbol)));
        return o;
    }

    private static Observation TherapeuticImplication(
        ReportedDrug drug, string id, IReadOnlyList<ReportedPgxGene> genes, Dictionary<string, string> genotypeIds, ResourceReference patient, ObservationStatus status, DateTimeOffset issued)
    {
        var o = Observation(id, "therapeutic-implication", patient, status, issued, Concept(TbdCodes, "therapeutic-implication", "Therapeutic Implication"));
        foreach (string symbol in drug.Genes)
        {
            if (!genotypeIds.TryGetValue(symbol, out string? genotype))
            {
                throw new ArgumentException($"Guidance for {drug.Drug} depends on {symbol}, which the report does not call.", nameof(drug));
            }

            o.DerivedFrom.Add(new ResourceReference("#" + genotype));
            ReportedPgxGene gene = genes.First(g => string.Equals(g.GeneSymbol, symbol, StringComparison.OrdinalIgnoreCase));
            // The metaboliser phenotype, with its LOINC answer where LOINC has one; activity scores are given in the text.
            CodeableConcept phenotype = MetaboliserAnswer(gene.Phenotype) is { } answer ? Concept(Loinc, answer.Code, answer.Display) : new CodeableConcept();
            phenotype.Text = gene.ActivityScore is { } score
                ? string.Create(CultureInfo.InvariantCulture, $"{gene.GeneSymbol} {gene.Phenotype} (activity score {score})")
                : $"{gene.GeneSymbol} {gene.Phenotype}";
            o.Component.Add(Component("53040-2", "Genetic variation's effect on drug metabolism", phenotype));
        }

        CodeableConcept medication = drug.RxNormCode is { } rx ? Concept(RxNormSystem, rx, drug.Drug) : new CodeableConcept();
        medication.Text = drug.Drug;
        o.Component.Add(Component("51963-7", "Medication assessed [ID]", medication));
        if (drug.Classification is { } strength)
        {
            o.Component.Add(Component("93044-6", "Level of evidence", new CodeableConcept { Text = $"CPIC {strength}" }));
        }

        o.Component.Add(new Observation.ComponentComponent
        {
            Code = Concept(TbdCodes, "conclusion-string", "Conclusion string"),
            Value = new FhirString(drug.Implication),
        });
        o.Note.Add(new Annotation { Text = drug.Recommendation });
        if (drug.Guideline is { } guideline)
        {
            o.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact", new RelatedArtifact
            {
                Type = RelatedArtifact.RelatedArtifactType.Citation,
                Url = guideline,
            }));
        }

        return o;
    }

    private static Observation Observation(string id, string profile, ResourceReference patient, ObservationStatus status, DateTimeOffset issued, CodeableConcept code) => new()
    {
        Id = id,
        Meta = new Meta { Profile = [ProfileBase + profile] },
        Status = status,
        Category = [Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory"), Genetics()],
        Code = code,
        Subject = patient,
        Issued = issued,
    };

    private static Observation.ComponentComponent Component(string loinc, string display, DataType value) => new()
    {
        Code = Concept(Loinc, loinc, display),
        Value = value,
    };

    // Firely's CodeableConcept(system, code, text) puts the third argument in text; the IG's examples give it as the
    // coding's display, so the coding carries it (and the text repeats it for readers that show text only).
    private static CodeableConcept Concept(string system, string code, string display) => new()
    {
        Coding = [new Coding(system, code, display)],
        Text = display,
    };

    private static CodeableConcept Concept(string system, string code) => new() { Coding = [new Coding(system, code)] };

    private static CodeableConcept Genetics() => Concept("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics");

    private static ResourceReference PatientReference(ReportPatient patient) => new($"Patient/{patient.Id:N}")
    {
        Identifier = new Identifier(OrderBundleReader.NhsNumberSystem, patient.NhsNumber),
        Display = patient.Name,
    };

    private static string ChromosomeName(string chromosome)
    {
        string name = chromosome.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? chromosome[3..] : chromosome;
        return name.ToUpperInvariant() switch
        {
            "M" => "MT",
            { } other => other,
        };
    }

    // LOINC answer list LL2938-0 (chromosome 1-22, X, Y): consecutive answer numbers, each with its check digit.
    private static readonly string[] s_chromosomeAnswers =
    [
        "LA21254-0", "LA21255-7", "LA21256-5", "LA21257-3", "LA21258-1", "LA21259-9", "LA21260-7", "LA21261-5",
        "LA21262-3", "LA21263-1", "LA21264-9", "LA21265-6", "LA21266-4", "LA21267-2", "LA21268-0", "LA21269-8",
        "LA21270-6", "LA21271-4", "LA21272-2", "LA21273-0", "LA21274-8", "LA21275-5", "LA21276-3", "LA21277-1",
    ];

    /// <summary>The LL2938-0 answer code for a chromosome name without "chr" (1-22, X, Y), or null.</summary>
    internal static string? ChromosomeAnswer(string chromosome) => chromosome switch
    {
        "X" => s_chromosomeAnswers[22],
        "Y" => s_chromosomeAnswers[23],
        _ when int.TryParse(chromosome, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 22 && chromosome[0] != '0' => s_chromosomeAnswers[n - 1],
        _ => null,
    };

    // LOINC answers for CPIC metaboliser phenotypes (LOINC still says "extensive" for what CPIC now calls normal);
    // other phenotypes (transporter function, HLA carrier status, rapid metaboliser) go as text only.
    private static (string Code, string Display)? MetaboliserAnswer(string phenotype) => phenotype.Trim().ToLowerInvariant() switch
    {
        "poor metabolizer" or "poor metaboliser" => ("LA9657-3", "Poor metabolizer"),
        "intermediate metabolizer" or "intermediate metaboliser" => ("LA10317-8", "Intermediate metabolizer"),
        "normal metabolizer" or "normal metaboliser" or "extensive metabolizer" => ("LA10316-0", "Extensive metabolizer"),
        "ultrarapid metabolizer" or "ultrarapid metaboliser" => ("LA10315-2", "Ultrarapid metabolizer"),
        _ => null,
    };

    /// <summary>The gene studied: an HGNC coding when the id is known, else the symbol as text (FHIR allows no empty code).</summary>
    private static CodeableConcept Gene(string? hgncId, string symbol) =>
        string.IsNullOrEmpty(hgncId) ? new CodeableConcept { Text = symbol } : Concept(HgncSystem, hgncId, symbol);
}
