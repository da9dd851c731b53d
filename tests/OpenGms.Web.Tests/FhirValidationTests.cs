using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using OpenGms.Testing;
using OpenGms.Web.Fhir;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>
/// What the service sends out, run through Firely's validator: against the core R4 definitions, and the Task also
/// against the NHS England genomics Task profile (the one NHS profile in ../shared/data/fhir that resolves offline:
/// the others derive from UK Core, which is not there). The HL7 Genomics Reporting package is not available offline
/// either, so its profiles named in meta.profile cannot be resolved; the tests in GenomicReportFhirTests check its
/// codes by hand.
/// </summary>
public sealed class FhirValidationTests
{
    private const string NonWgsBundle = "fhir/nhse-genomics-ig-examples/Bundle-NonWGSTestOrderForm-Example.json";
    private const string NhsIg = "fhir/nhse-genomics-ig/NHSEnglandFHIRGenomicsImplementationGuide/backup";
    private const string NhsTaskProfile = "https://fhir.nhs.uk/StructureDefinition/NHSDigital-Task-Genomics";

    private static readonly FhirJsonDeserializer s_parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Rare_disease_report_is_valid_r4()
    {
        DiagnosticReport report = GenomicReportFhirMapper.ToDiagnosticReport(GenomicReportFhirTests.RareDisease(Guid.NewGuid()));

        AssertValid(FhirValidators.Core.Validate(report), report);
    }

    [Fact]
    public void Pharmacogenomic_report_is_valid_r4()
    {
        DiagnosticReport report = GenomicReportFhirMapper.ToDiagnosticReport(GenomicReportFhirTests.Pharmacogenomic(Guid.NewGuid()));

        AssertValid(FhirValidators.Core.Validate(report), report);
    }

    [Fact]
    public void Searchset_of_reports_is_valid_r4()
    {
        Bundle bundle = OrderFhirMapper.Searchset(
        [
            GenomicReportFhirMapper.ToDiagnosticReport(GenomicReportFhirTests.RareDisease(Guid.NewGuid())),
            GenomicReportFhirMapper.ToDiagnosticReport(GenomicReportFhirTests.Pharmacogenomic(Guid.NewGuid())),
        ]);

        AssertValid(FhirValidators.Core.Validate(bundle), bundle);
    }

    [Fact]
    public void Validator_finds_errors_in_a_broken_report()
    {
        // The control: without it, a validator that resolved nothing would pass every test above.
        DiagnosticReport report = GenomicReportFhirMapper.ToDiagnosticReport(GenomicReportFhirTests.RareDisease(Guid.NewGuid()));
        report.Code = null!;
        ((Observation)report.Contained[0]).Status = null;

        OperationOutcome outcome = FhirValidators.Core.Validate(report);

        Assert.True(Errors(outcome, report).Length >= 2, Describe(outcome));
    }

    [Fact]
    public async Task Task_service_request_and_operation_outcome_from_the_api_are_valid()
    {
        string bundle = await File.ReadAllTextAsync(SharedData.PathOf(NonWgsBundle), Ct);
        Validator nhs = FhirValidators.WithNhsProfiles(SharedData.PathOf(NhsIg));
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.smith", GmsRoles.RequestingClinician);

        using HttpResponseMessage created = await PostAsync(clinician, bundle);
        string id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["entry"]!.AsArray()
            .Select(e => e!["response"]?["location"]?.GetValue<string>())
            .Single(l => l is not null && l.StartsWith("ServiceRequest/", StringComparison.Ordinal) && !l.Contains('#', StringComparison.Ordinal))!["ServiceRequest/".Length..];
        Resource task = await GetAsync(clinician, $"fhir/Task/{id}");
        Resource request = await GetAsync(clinician, $"fhir/ServiceRequest/{id}");
        Resource search = await GetAsync(clinician, "fhir/ServiceRequest?patient=9449307873");
        JsonNode broken = JsonNode.Parse(bundle)!;
        broken["entry"]!.AsArray().Select(e => e!["resource"]!).First(r => r["resourceType"]!.GetValue<string>() == "Patient")["identifier"]![0]!["value"] = "9449307874";
        using HttpResponseMessage refused = await PostAsync(clinician, broken.ToJsonString());
        Resource outcome = s_parser.Deserialize<Resource>(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.IsType<OperationOutcome>(outcome);
        AssertValid(FhirValidators.Core.Validate(task), task);
        AssertValid(nhs.Validate(task, NhsTaskProfile), task);
        AssertValid(FhirValidators.Core.Validate(request), request);
        AssertValid(FhirValidators.Core.Validate(search), search);
        AssertValid(FhirValidators.Core.Validate(outcome), outcome);
    }

    [Fact]
    public void Nhs_task_profile_resolves_offline()
    {
        // The profile is a differential on core Task: it must resolve and expand, or the API test above proves nothing.
        Validator nhs = FhirValidators.WithNhsProfiles(SharedData.PathOf(NhsIg));
        var task = new Hl7.Fhir.Model.Task { Status = Hl7.Fhir.Model.Task.TaskStatus.Requested, Intent = Hl7.Fhir.Model.Task.TaskIntent.Order };

        OperationOutcome outcome = nhs.Validate(task, NhsTaskProfile);

        // The profile makes authoredOn required (core Task does not): its absence is an error only under the profile.
        Assert.Contains(Errors(outcome, task), i => ((i.Details?.Text ?? string.Empty) + string.Join(",", i.Expression)).Contains("authoredOn", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Issue, i => (i.Details?.Text ?? string.Empty).Contains(NhsTaskProfile, StringComparison.Ordinal) && i.Code == OperationOutcome.IssueType.Incomplete);
        Assert.Empty(Errors(FhirValidators.Core.Validate(task), task));
    }

    private static void AssertValid(OperationOutcome outcome, Resource? resource = null) => Assert.True(Errors(outcome, resource).Length == 0, Describe(outcome));

    /// <summary>
    /// Errors, less two kinds that are not faults in our output: the Genomics Reporting profiles cannot be resolved
    /// offline (the IG package is not here), and Firely evaluates core invariant ref-1 as failed on a Reference that has
    /// an identifier or display but no reference (valid R4; FirelyTeam/firely-net-sdk issues 2862 and 3571).
    /// Each ref-1 error is checked: it is ignored only when the element it names has no reference.
    /// </summary>
    private static OperationOutcome.IssueComponent[] Errors(OperationOutcome outcome, Resource? resource = null) =>
        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Where(i => !UnresolvedGenomicsReportingProfile(i) && !LogicalReferenceRef1(i, resource))
            .ToArray();

    private static bool UnresolvedGenomicsReportingProfile(OperationOutcome.IssueComponent issue) =>
        issue.Code == OperationOutcome.IssueType.Incomplete && (issue.Details?.Text ?? string.Empty).Contains(GenomicReportFhirMapper.ProfileBase, StringComparison.Ordinal);

    private static bool LogicalReferenceRef1(OperationOutcome.IssueComponent issue, Resource? resource)
    {
        if (resource is null || !(issue.Details?.Text ?? string.Empty).Contains("ref-1", StringComparison.Ordinal))
        {
            return false;
        }

        string path = issue.Expression.FirstOrDefault() ?? string.Empty;
        int comma = path.IndexOf(',', StringComparison.Ordinal);
        path = comma > 0 ? path[..comma] : path;
        Base?[] found = resource.Select(path).ToArray();
        return found.Length == 1 && found[0] is ResourceReference { Reference: null };
    }

    private static string Describe(OperationOutcome outcome) =>
        string.Join("\n", outcome.Issue.Select(i => $"{i.Severity} {i.Code} {i.Details?.Coding.FirstOrDefault()?.Code} {i.Details?.Text} @ {string.Join(",", i.Expression)}"));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri("fhir", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/fhir+json"), Ct);

    private static async Task<Resource> GetAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return s_parser.Deserialize<Resource>(body);
    }
}

/// <summary>Firely's validator over the core R4 definitions (specification.zip), and over those plus the NHS England genomics IG.</summary>
internal static class FhirValidators
{
    private static readonly Lazy<Validator> s_core = new(() => Create(null));

    public static Validator Core => s_core.Value;

    /// <summary>
    /// Core R4 plus the NHS England genomics Task profile and the IG's ValueSets and CodeSystems in
    /// <paramref name="igDirectory"/>. The profile's reference targets are NHS profiles derived from UK Core, which is
    /// not available offline, and Firely cannot compile a profile whose target profiles do not resolve: those target
    /// profiles are taken out (the reference is then checked as a core Reference), everything else is kept.
    /// </summary>
    public static Validator WithNhsProfiles(string igDirectory) => Create(igDirectory);

    private static Validator Create(string? igDirectory)
    {
        IResourceResolver source = ZipSource.CreateValidationSource();
        if (igDirectory is not null)
        {
            string json = File.ReadAllText(Path.Combine(igDirectory, "StructureDefinition", "NHSDigital-Task-Genomics.StructureDefinition.json"));
            var task = new FhirJsonDeserializer().Deserialize<StructureDefinition>(json);
            foreach (ElementDefinition.TypeRefComponent type in task.Differential!.Element.SelectMany(e => e.Type))
            {
                type.TargetProfile = type.TargetProfile.Where(p => p == task.Url || p!.StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal)).ToList();
            }

            source = new MultiResolver(
                new InMemoryResourceResolver(task),
                source,
                new DirectorySource(Path.Combine(igDirectory, "ValueSet")),
                new DirectorySource(Path.Combine(igDirectory, "CodeSystem")));
        }

        // The NHS profiles are differentials only: the snapshot source expands them against their (core) base.
        var resolver = new CachedResolver(new SnapshotSource(source));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }
}
