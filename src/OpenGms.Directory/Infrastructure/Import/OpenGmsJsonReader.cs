using System.Text.Json;
using System.Text.Json.Serialization;
using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>
/// Reads OpenGMS's own directory JSON (<c>"format": "opengms-test-directory"</c>, documented in docs/demo-data.md):
/// one edition with explicit targets. The bundled demo data uses it; anyone can import a file in it.
/// </summary>
internal static class OpenGmsJsonReader
{
    public const string FormatName = "opengms-test-directory";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static bool Looks(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out JsonElement f)
        && f.ValueKind == JsonValueKind.String && f.GetString() == FormatName;

    public static EditionReadResult Read(JsonElement root, string fileName, string sha256, string sourceFormat = "opengms-json")
    {
        var context = new ImportContext(fileName);
        EditionDto? dto;
        try
        {
            dto = root.Deserialize<EditionDto>(s_options);
        }
        catch (JsonException ex)
        {
            context.Error(DirectoryIssueCodes.BadRow, $"Not in the {FormatName} shape: {ex.Message}", field: ex.Path);
            return new EditionReadResult(null, context.Issues);
        }

        EditionKind? kind = EditionKinds.Parse(dto?.Kind);
        if (dto is null || kind is null || string.IsNullOrWhiteSpace(dto.Version) || dto.Indications is null)
        {
            context.Error(DirectoryIssueCodes.UnknownLayout, "\"kind\" (rare-and-inherited | cancer), \"version\" and \"indications\" are required.");
            return new EditionReadResult(null, context.Issues);
        }

        var builder = new IndicationBuilder(context);
        int index = 0;
        foreach (IndicationDto indication in dto.Indications)
        {
            index++;
            if (string.IsNullOrWhiteSpace(indication.Code) || string.IsNullOrWhiteSpace(indication.Name))
            {
                context.Error(DirectoryIssueCodes.BadRow, $"Indication {index} lacks a code or a name.", "indications", index, "code");
                continue;
            }

            foreach (TestDto t in indication.Tests ?? [])
            {
                if (string.IsNullOrWhiteSpace(t.Code))
                {
                    context.Error(DirectoryIssueCodes.BadRow, $"A test of {indication.Code} lacks a code.", "indications", index, "tests.code");
                    continue;
                }

                var targets = new List<TestTarget>();
                foreach (PanelDto p in t.Panels ?? [])
                {
                    targets.Add(TestTarget.Panel(p.Id, p.Name));
                }

                foreach (GeneDto g in t.Genes ?? [])
                {
                    if (g.Symbol is null && g.HgncId is null)
                    {
                        context.Error(DirectoryIssueCodes.BadRow, $"A gene of {t.Code} has neither symbol nor HGNC id.", "indications", index, "tests.genes");
                        continue;
                    }

                    targets.Add(TestTarget.Gene(g.Symbol, g.HgncId));
                }

                if (t.GeneAgnostic)
                {
                    targets.Add(TestTarget.GeneAgnostic);
                }

                IReadOnlyList<TestMethod> methods = TestMethods.Normalise(t.Method, out bool recognised);
                if (!recognised)
                {
                    context.Warning(DirectoryIssueCodes.UnknownMethod, $"Test method \"{t.Method}\" of {t.Code} is not in the vocabulary; recorded as other.", "indications", index, "tests.method");
                }

                var test = new DirectoryTest(t.Code, t.Name ?? indication.Name, t.Method, methods, t.Scope, t.Targets, targets, t.ChangeNote, t.Eligibility, null);
                builder.Add(indication.Code, indication.Name, indication.SpecialistTestGroup, indication.CommissioningCategory, test, "indications", index, "tests.code");
            }
        }

        if (context.HasErrors)
        {
            return new EditionReadResult(null, context.Issues);
        }

        List<ClinicalIndication> indications = builder.Build();
        // Indication-level eligibility given in the file wins over the one derived from tests.
        for (int i = 0; i < indications.Count; i++)
        {
            string? given = dto.Indications.FirstOrDefault(x => x.Code == indications[i].Code)?.Eligibility;
            if (given is not null)
            {
                indications[i] = indications[i] with { Eligibility = given };
            }
        }

        var edition = new DirectoryEdition(
            dto.Key ?? EditionNaming.Key(kind.Value, dto.Version), kind.Value, dto.Version, dto.PublishedOn, sourceFormat,
            fileName, sha256, indications);
        return new EditionReadResult(edition, context.Issues);
    }

    private sealed record EditionDto(
        string? Format, string? Key, string? Kind, string? Version, DateOnly? PublishedOn, List<IndicationDto>? Indications);

    private sealed record IndicationDto(
        string Code, string Name, string? SpecialistTestGroup, string? CommissioningCategory, string? Eligibility, List<TestDto>? Tests);

    private sealed record TestDto(
        string Code, string? Name, string? Method, string? Scope, string? Targets, List<PanelDto>? Panels, List<GeneDto>? Genes,
        bool GeneAgnostic, string? ChangeNote, string? Eligibility);

    private sealed record PanelDto(int Id, string? Name);

    private sealed record GeneDto(string? Symbol, [property: JsonPropertyName("hgncId")] string? HgncId);
}
