using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Web.Api;

/// <summary>The test directory's REST API (<c>/api/directory</c>) and its FHIR CodeSystem export.</summary>
public static class DirectoryEndpoints
{
    /// <summary>The code system NHS England's genomics FHIR IG uses for test directory codes (NamingSystem England-GenomicTestDirectory).</summary>
    public const string CodeSystemUrl = "https://fhir.nhs.uk/CodeSystem/England-GenomicTestDirectory";

    private static readonly JsonSerializerOptions s_fhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Maps the directory endpoints.</summary>
    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The directory is public (no sign-in), like its pages.
        RouteGroupBuilder api = endpoints.MapGroup("/api/directory").WithTags("Directory").AllowAnonymous();

        api.MapGet("/search", async (string? q, int? limit, string? edition, IDirectoryCatalog catalog, CancellationToken ct) =>
        {
            Result<IReadOnlyList<SearchHitView>> result = await catalog.SearchAsync(q ?? string.Empty, limit ?? 20, edition, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            string suffix = string.IsNullOrWhiteSpace(edition) ? string.Empty : "?edition=" + Uri.EscapeDataString(edition);
            var hits = result.Value.Select(h => new SearchHit(
                (h.Type == "test" ? "/directory/tests/" : "/directory/indications/") + Uri.EscapeDataString(h.Code) + suffix,
                h.Type, h.Code, h.Name, h.Detail, h.Edition, h.MatchedGene, h.Methods)).ToList();
            return Results.Ok(new SearchResponse(q ?? string.Empty, hits));
        })
        .WithName("SearchDirectory")
        .WithSummary("Search indications and tests by code, name words or gene symbol (current editions unless edition= is given).");

        api.MapGet("/indications/{code}", async (string code, string? edition, IDirectoryCatalog catalog, CancellationToken ct) =>
        {
            Result<IndicationView> result = await catalog.GetIndicationAsync(code, edition, ct).ConfigureAwait(false);
            return result.IsSuccess ? Results.Ok(result.Value) : ErrorResults.Problem(result.Error);
        })
        .WithName("GetIndication")
        .WithSummary("A clinical indication with its tests, their methods, targets and genes.");

        api.MapGet("/tests/{code}", async (string code, string? edition, IDirectoryCatalog catalog, CancellationToken ct) =>
        {
            Result<TestView> result = await catalog.GetTestAsync(code, edition, ct).ConfigureAwait(false);
            return result.IsSuccess ? Results.Ok(result.Value) : ErrorResults.Problem(result.Error);
        })
        .WithName("GetTest")
        .WithSummary("One test with its targets resolved to genes.");

        api.MapGet("/editions", async (IDirectoryCatalog catalog, CancellationToken ct) =>
            Results.Ok(new { editions = await catalog.ListEditionsAsync(ct).ConfigureAwait(false) }))
        .WithName("ListEditions")
        .WithSummary("The stored directory editions; the current one of each kind is used by default.");

        api.MapGet("/diff", async (string? from, string? to, IDirectoryCatalog catalog, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            {
                return ErrorResults.Problem(Error.BadInput("DIR022", "Give both editions: ?from=KEY&to=KEY."));
            }

            Result<EditionDiffView> result = await catalog.DiffAsync(from, to, ct).ConfigureAwait(false);
            return result.IsSuccess ? Results.Ok(result.Value) : ErrorResults.Problem(result.Error);
        })
        .WithName("DiffEditions")
        .WithSummary("Indications and tests added, removed and changed between two editions, with the published change notes.");

        endpoints.MapGet("/fhir/CodeSystem/england-genomic-test-directory", async (string? version, IDirectoryCatalog catalog, CancellationToken ct) =>
        {
            List<EditionContentView> contents = [];
            IReadOnlyList<EditionView> editions = await catalog.ListEditionsAsync(ct).ConfigureAwait(false);
            IEnumerable<string> keys = string.IsNullOrWhiteSpace(version) ? editions.Where(e => e.IsCurrent).Select(e => e.Key) : [version];
            foreach (string key in keys)
            {
                Result<EditionContentView> content = await catalog.GetEditionContentAsync(key, ct).ConfigureAwait(false);
                if (!content.IsSuccess)
                {
                    return Fhir(OperationOutcomeFor(content.Error), StatusCodes.Status404NotFound);
                }

                contents.Add(content.Value);
            }

            return Fhir(ToCodeSystem(contents), StatusCodes.Status200OK);
        })
        .WithName("GetDirectoryCodeSystem")
        .WithTags("FHIR")
        .AllowAnonymous()
        .WithSummary("The directory as a FHIR R4 CodeSystem (indications with their tests as child concepts); version= selects an edition.");

        return endpoints;
    }

    /// <summary>Builds the CodeSystem for one or more editions: each indication a concept, its tests child concepts.</summary>
    public static CodeSystem ToCodeSystem(IReadOnlyList<EditionContentView> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var system = new CodeSystem
        {
            Id = "england-genomic-test-directory",
            Url = CodeSystemUrl,
            Version = contents.Count == 1 ? contents[0].Edition.Version : string.Join(" + ", contents.Select(c => c.Edition.Key)),
            Name = "EnglandGenomicTestDirectory",
            Title = "National Genomic Test Directory (England)",
            Status = PublicationStatus.Active,
            Publisher = "Exported by OpenGMS from NHS England's National Genomic Test Directory",
            Description = new Markdown("Clinical indications (R and M codes) with their tests as child concepts; editions: "
                + string.Join(", ", contents.Select(c => $"{c.Edition.Key} ({c.Edition.SourceFile})")) + "."),
            CaseSensitive = true,
            HierarchyMeaning = CodeSystem.CodeSystemHierarchyMeaning.PartOf,
            Content = CodeSystemContentMode.Complete,
            Property =
            [
                new CodeSystem.PropertyComponent { Code = "kind", Type = CodeSystem.PropertyType.Code, Description = "indication or test" },
                new CodeSystem.PropertyComponent { Code = "specialistTestGroup", Type = CodeSystem.PropertyType.String, Description = "Specialist test group (cancer: tumour group)" },
                new CodeSystem.PropertyComponent { Code = "commissioningCategory", Type = CodeSystem.PropertyType.String, Description = "Commissioning category" },
                new CodeSystem.PropertyComponent { Code = "testMethod", Type = CodeSystem.PropertyType.String, Description = "Test method / technology as published" },
                new CodeSystem.PropertyComponent { Code = "testMethodNormalised", Type = CodeSystem.PropertyType.Code, Description = "Test method in OpenGMS's controlled vocabulary (one property per method)" },
                new CodeSystem.PropertyComponent { Code = "targets", Type = CodeSystem.PropertyType.String, Description = "Target genes or panels as published" },
                new CodeSystem.PropertyComponent { Code = "panelAppPanel", Type = CodeSystem.PropertyType.Integer, Description = "PanelApp panel id of a panel target" },
            ],
        };
        DateOnly? published = contents.Select(c => c.Edition.PublishedOn).Where(d => d is not null).Max();
        if (published is not null)
        {
            system.Date = published.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        int count = 0;
        foreach (EditionContentView content in contents)
        {
            foreach (IndicationView indication in content.Indications)
            {
                var concept = new CodeSystem.ConceptDefinitionComponent { Code = indication.Code, Display = indication.Name, Definition = indication.Eligibility };
                concept.Property.Add(Code("kind", "indication"));
                AddString(concept, "specialistTestGroup", indication.SpecialistTestGroup);
                AddString(concept, "commissioningCategory", indication.CommissioningCategory);
                count++;
                foreach (TestView test in indication.Tests)
                {
                    var child = new CodeSystem.ConceptDefinitionComponent { Code = test.Code, Display = test.Name, Definition = test.Eligibility };
                    child.Property.Add(Code("kind", "test"));
                    AddString(child, "testMethod", test.MethodPublished);
                    foreach (string method in test.Methods)
                    {
                        child.Property.Add(Code("testMethodNormalised", method));
                    }

                    AddString(child, "targets", test.TargetsPublished);
                    foreach (TargetView target in test.Targets.Where(t => t.PanelId is not null))
                    {
                        child.Property.Add(new CodeSystem.ConceptPropertyComponent { Code = "panelAppPanel", Value = new Integer(target.PanelId) });
                    }

                    concept.Concept.Add(child);
                    count++;
                }

                system.Concept.Add(concept);
            }
        }

        system.Count = count;
        return system;
    }

    private static CodeSystem.ConceptPropertyComponent Code(string property, string value) =>
        new() { Code = property, Value = new Code(value) };

    private static void AddString(CodeSystem.ConceptDefinitionComponent concept, string property, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            concept.Property.Add(new CodeSystem.ConceptPropertyComponent { Code = property, Value = new FhirString(value) });
        }
    }

    private static OperationOutcome OperationOutcomeFor(Error error) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = error.Kind == ErrorKind.NotFound ? OperationOutcome.IssueType.NotFound : OperationOutcome.IssueType.Invalid,
                Diagnostics = $"{error.Code}: {error.Message}",
            },
        ],
    };

    private static IResult Fhir(Resource resource, int status) =>
        Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), s_fhirJson), "application/fhir+json; charset=utf-8", statusCode: status);

    /// <summary>The search response: hits with the page to open.</summary>
    /// <param name="Query">The query as given.</param>
    /// <param name="Hits">The hits, best first.</param>
    public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Hits);

    /// <summary>One search hit for the live search.</summary>
    /// <param name="Url">The page of the indication or test.</param>
    /// <param name="Type"><c>indication</c> or <c>test</c>.</param>
    /// <param name="Code">Its code.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Detail">A one-line summary.</param>
    /// <param name="Edition">The edition key.</param>
    /// <param name="MatchedGene">The gene that matched, for gene searches.</param>
    /// <param name="Methods">Normalised test methods (tests).</param>
    public sealed record SearchHit(string Url, string Type, string Code, string Name, string Detail, string Edition, string? MatchedGene, IReadOnlyList<string> Methods);
}
