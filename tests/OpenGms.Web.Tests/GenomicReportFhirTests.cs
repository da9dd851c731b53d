// Firely's model marks every element nullable; these tests assert the elements are there, so null warnings are noise.
#nullable disable warnings
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using OpenGms.Web.Fhir;

namespace OpenGms.Web.Tests;

/// <summary>
/// The DiagnosticReport against what HL7 Genomics Reporting (STU3) requires. The expected codes are written here from
/// the IG and LOINC, not taken from the mapper, so a wrong code in the mapper fails these tests.
/// </summary>
public sealed class GenomicReportFhirTests
{
    private const string Ig = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/";
    private const string Loinc = "http://loinc.org";

    private static readonly JsonSerializerOptions s_fhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly BaseFhirJsonDeserializer s_strict = new(ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    internal static readonly ReportPatient Patient = new(Guid.Parse("6f1d1c3e-0d53-4d8f-9d0e-5a0c7c2b1a11"), "9434765919", "Ann Smith");

    internal static GenomicReportContent RareDisease(Guid orderId, ReportPatient? patient = null) => new(
        Guid.Parse("0b8f0d44-6c2e-4b8a-9f7e-2d1f3c4b5a61"), 1, ReportVersionStatus.Final, patient ?? Patient, orderId, "R134.1",
        "Familial hypercholesterolaemia - small panel", new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero), "north-west",
        "sci.khan", "auth.ng", "A pathogenic LDLR variant confirms familial hypercholesterolaemia.",
        [
            new ReportedVariant("HGNC:6547", "LDLR", GenomeBuild.GRCh38, "chr19", 11113376, "G", "A",
                "NC_000019.10:g.11113376G>A", "NM_000527.5:c.1444G>A", "NP_000518.1:p.(Asp482Asn)", Zygosity.Heterozygous, AcmgClass.Pathogenic, "Familial hypercholesterolaemia"),
            new ReportedVariant("HGNC:603", "APOB", GenomeBuild.GRCh37, "2", 21229160, "CAG", "C",
                null, null, null, Zygosity.Homozygous, AcmgClass.UncertainSignificance),
        ],
        [],
        []);

    internal static GenomicReportContent Pharmacogenomic(Guid orderId, ReportPatient? patient = null) => new(
        Guid.Parse("5a4e3c2b-1d0f-4e9a-8b7c-6d5e4f3a2b19"), 1, ReportVersionStatus.Final, patient ?? Patient, orderId, "R444.1",
        null, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), "north-west", "sci.khan", "auth.ng", null,
        [],
        [
            new ReportedPgxGene("HGNC:2621", "CYP2C19", "*2/*2", "Poor Metabolizer"),
            new ReportedPgxGene("HGNC:2625", "CYP2D6", "*1/*4", "Intermediate Metabolizer", 1.0m),
        ],
        [
            new ReportedDrug("clopidogrel", "32968", ["CYP2C19"], "Significantly reduced platelet inhibition.", "Use an alternative antiplatelet agent.", "Strong", "https://cpicpgx.org/guidelines/guideline-for-clopidogrel-and-cyp2c19/"),
        ]);

    [Fact]
    public void Report_carries_the_genomic_report_profile_category_and_code()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(RareDisease(Guid.NewGuid())));

        Assert.Contains(Ig + "genomic-report", report.Meta.Profile);
        Assert.Contains(report.Category, c => c.Coding.Any(x => x.System == "http://terminology.hl7.org/CodeSystem/v2-0074" && x.Code == "GE"));
        Assert.Contains(report.Code.Coding, c => c.System == Loinc && c.Code == "51969-4");
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, report.Status);
        Assert.Equal("Patient/6f1d1c3e0d534d8f9d0e5a0c7c2b1a11", report.Subject.Reference);
        Assert.Equal("9434765919", report.Subject.Identifier.Value);
        Assert.StartsWith("ServiceRequest/", Assert.Single(report.BasedOn).Reference, StringComparison.Ordinal);
        Assert.Equal("auth.ng", Assert.Single(report.ResultsInterpreter).Display);
    }

    [Fact]
    public void Every_result_resolves_to_a_contained_observation()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(Pharmacogenomic(Guid.NewGuid())));

        Assert.Equal(report.Contained.Count, report.Result.Count);
        foreach (ResourceReference result in report.Result)
        {
            Assert.NotNull(Contained(report, result.Reference));
        }
    }

    [Fact]
    public void Variant_observation_has_the_components_the_variant_profile_defines()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(RareDisease(Guid.NewGuid())));
        Observation[] variants = Observations(report, Ig + "variant");

        Assert.Equal(2, variants.Length);
        Observation ldlr = variants[0];
        Assert.Contains(ldlr.Code.Coding, c => c.System == Loinc && c.Code == "69548-6");
        Assert.Contains(((CodeableConcept)ldlr.Value).Coding, c => c.System == Loinc && c.Code == "LA9633-4");
        Assert.Contains(ldlr.Category, c => c.Coding.Any(x => x.Code == "laboratory"));
        Assert.Equal("HGNC:6547", Coded(ldlr, "48018-6").Code);
        Assert.Equal("NC_000019.10:g.11113376G>A", Coded(ldlr, "81290-9").Code);
        Assert.Equal("NM_000527.5:c.1444G>A", Coded(ldlr, "48004-6").Code);
        Assert.Equal("NP_000518.1:p.(Asp482Asn)", Coded(ldlr, "48005-3").Code);
        Assert.Equal("LA26806-2", Coded(ldlr, "62374-4").Code); // GRCh38
        Assert.Equal("LA6706-1", Coded(ldlr, "53034-5").Code); // heterozygous
        Assert.Equal("G", ((FhirString)Component(ldlr, "69547-8").Value).Value);
        Assert.Equal("A", ((FhirString)Component(ldlr, "69551-0").Value).Value);
        Assert.Equal("LA30102-0", Coded(ldlr, "92822-6").Code); // 1-based character counting
        var range = (Hl7.Fhir.Model.Range)Component(ldlr, "81254-5").Value;
        Assert.Equal(11113376m, range.Low.Value);
        Assert.Equal(11113376m, range.High.Value);
        Assert.Equal("LA21272-2", Coded(ldlr, "48000-4").Code); // chromosome 19, LOINC answer list LL2938-0
        Assert.Equal("Chromosome 19", Coded(ldlr, "48000-4").Display);
        Assert.DoesNotContain(ldlr.Component, c => c.Code.Coding.Any(x => x.Code == "48001-2"));

        Observation apob = variants[1];
        Assert.Equal("LA14029-5", Coded(apob, "62374-4").Code); // GRCh37
        Assert.Equal("LA6705-3", Coded(apob, "53034-5").Code); // homozygous
        Assert.Equal(21229162m, ((Hl7.Fhir.Model.Range)Component(apob, "81254-5").Value).High.Value); // CAG covers three bases
        Assert.DoesNotContain(apob.Component, c => c.Code.Coding.Any(x => x.Code is "48004-6" or "48005-3" or "81290-9"));
    }

    [Theory]
    [InlineData("1", "LA21254-0")]
    [InlineData("2", "LA21255-7")]
    [InlineData("7", "LA21260-7")]
    [InlineData("11", "LA21264-9")]
    [InlineData("12", "LA21265-6")]
    [InlineData("22", "LA21275-5")]
    [InlineData("X", "LA21276-3")]
    [InlineData("Y", "LA21277-1")]
    [InlineData("MT", null)]
    [InlineData("23", null)]
    [InlineData("0", null)]
    [InlineData("01", null)]
    [InlineData("Un_KI270302v1", null)]
    public void Chromosome_takes_its_LL2938_0_answer_only_for_1_to_22_X_and_Y(string chromosome, string? answer) =>
        Assert.Equal(answer, GenomicReportFhirMapper.ChromosomeAnswer(chromosome));

    [Fact]
    public void Gene_with_an_hgnc_id_goes_out_coded_in_the_hgnc_system_with_its_symbol()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(RareDisease(Guid.NewGuid())));

        // Genomics Reporting 3.0.0: system http://www.genenames.org, code with the HGNC: prefix, display the symbol.
        Coding gene = Coded(Observations(report, Ig + "variant")[0], "48018-6");
        Assert.Equal("http://www.genenames.org", gene.System);
        Assert.Equal("HGNC:6547", gene.Code);
        Assert.Equal("LDLR", gene.Display);
    }

    [Fact]
    public void Gene_without_an_hgnc_id_goes_out_by_symbol_only()
    {
        GenomicReportContent content = RareDisease(Guid.NewGuid());
        content = content with { Variants = [content.Variants[0] with { HgncId = null }], PgxGenes = [new ReportedPgxGene(null, "CYP2C19", "*1/*2", "Intermediate Metabolizer")] };

        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(content));

        foreach (Observation o in report.Contained.OfType<Observation>().Where(o => o.Component.Any(c => c.Code.Coding.Any(x => x.Code == "48018-6"))))
        {
            var gene = (CodeableConcept)Component(o, "48018-6").Value;
            Assert.Empty(gene.Coding);
            Assert.True(gene.Text is "LDLR" or "CYP2C19", gene.Text);
        }

        Assert.Equal(2, report.Contained.OfType<Observation>().Count(o => o.Component.Any(c => c.Code.Coding.Any(x => x.Code == "48018-6"))));
    }

    [Fact]
    public void Diagnostic_implication_classifies_its_variant_with_the_loinc_acmg_answer()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(RareDisease(Guid.NewGuid())));
        Observation[] implications = Observations(report, Ig + "diagnostic-implication");

        Assert.Equal(2, implications.Length);
        Assert.Contains(implications[0].Code.Coding, c => c.System == GenomicReportFhirMapper.TbdCodes && c.Code == "diagnostic-implication");
        Assert.Equal("LA6668-3", Coded(implications[0], "53037-8").Code); // Pathogenic
        Assert.Equal("LA26333-7", Coded(implications[1], "53037-8").Code); // Uncertain significance
        var derived = Assert.IsType<Observation>(Contained(report, Assert.Single(implications[0].DerivedFrom).Reference));
        Assert.Contains(Ig + "variant", derived.Meta.Profile);
        Assert.Equal("HGNC:6547", Coded(derived, "48018-6").Code);
    }

    [Fact]
    public void Pgx_report_has_genotypes_and_a_therapeutic_implication_derived_from_them()
    {
        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(Pharmacogenomic(Guid.NewGuid())));
        Observation[] genotypes = Observations(report, Ig + "genotype");
        Observation implication = Assert.Single(Observations(report, Ig + "therapeutic-implication"));

        Assert.Equal(2, genotypes.Length);
        Assert.Contains(genotypes[0].Code.Coding, c => c.System == Loinc && c.Code == "84413-4");
        Assert.Equal("CYP2C19*2/*2", ((CodeableConcept)genotypes[0].Value).Text);
        Assert.Equal("HGNC:2621", Coded(genotypes[0], "48018-6").Code);
        Assert.Contains(implication.Code.Coding, c => c.System == GenomicReportFhirMapper.TbdCodes && c.Code == "therapeutic-implication");
        Coding drug = Coded(implication, "51963-7");
        Assert.Equal(("http://www.nlm.nih.gov/research/umls/rxnorm", "32968"), (drug.System, drug.Code));
        Assert.Equal("LA9657-3", Coded(implication, "53040-2").Code); // Poor metabolizer
        var from = Assert.IsType<Observation>(Contained(report, Assert.Single(implication.DerivedFrom).Reference));
        Assert.Equal("HGNC:2621", Coded(from, "48018-6").Code);
        Assert.Equal("Use an alternative antiplatelet agent.", Assert.Single(implication.Note).Text);
    }

    [Fact]
    public void Corrected_version_marks_report_and_observations_and_says_what_changed()
    {
        GenomicReportContent corrected = RareDisease(Guid.NewGuid()) with { Version = 2, Status = ReportVersionStatus.Corrected, Changes = "APOB zygosity was wrong." };

        DiagnosticReport report = RoundTrip(GenomicReportFhirMapper.ToDiagnosticReport(corrected));

        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Corrected, report.Status);
        Assert.Equal("2", report.Meta.VersionId);
        Assert.All(report.Contained.Cast<Observation>(), o => Assert.Equal(ObservationStatus.Corrected, o.Status));
        Assert.Contains("APOB zygosity was wrong.", report.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void Guidance_for_a_gene_the_report_does_not_call_is_refused()
    {
        GenomicReportContent report = Pharmacogenomic(Guid.NewGuid()) with
        {
            Drugs = [new ReportedDrug("warfarin", null, ["CYP2C9"], "x", "y", null, null)],
        };

        Assert.Throws<ArgumentException>(() => GenomicReportFhirMapper.ToDiagnosticReport(report));
    }

    [Fact]
    public void Serialised_report_parses_strictly_back_to_the_same_resource()
    {
        DiagnosticReport original = GenomicReportFhirMapper.ToDiagnosticReport(Pharmacogenomic(Guid.NewGuid()) with { Variants = RareDisease(Guid.NewGuid()).Variants });

        DiagnosticReport parsed = RoundTrip(original);

        Assert.True(parsed.IsExactly(original));
    }

    private static DiagnosticReport RoundTrip(DiagnosticReport report)
    {
        string json = JsonSerializer.Serialize(report, s_fhirJson);
        Assert.True(s_strict.TryDeserializeResource(json, out Resource? parsed, out IEnumerable<CodedException>? issues), string.Join("; ", issues?.Select(i => i.Message) ?? []));
        return Assert.IsType<DiagnosticReport>(parsed);
    }

    private static Resource? Contained(DiagnosticReport report, string reference)
    {
        Assert.StartsWith("#", reference, StringComparison.Ordinal);
        return report.Contained.SingleOrDefault(r => r.Id == reference[1..]);
    }

    private static Observation[] Observations(DiagnosticReport report, string profile) =>
        report.Contained.OfType<Observation>().Where(o => o.Meta.Profile.Contains(profile)).ToArray();

    private static Observation.ComponentComponent Component(Observation o, string loinc) =>
        Assert.Single(o.Component, c => c.Code.Coding.Any(x => x.System == Loinc && x.Code == loinc));

    private static Coding Coded(Observation o, string loinc) =>
        Assert.Single(((CodeableConcept)Component(o, loinc).Value).Coding);
}
