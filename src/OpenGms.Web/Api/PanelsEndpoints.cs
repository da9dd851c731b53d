using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;

namespace OpenGms.Web.Api;

/// <summary>REST API of the panels module under <c>/api/panels</c>.</summary>
public static class PanelsEndpoints
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>A panel in the list; <c>url</c>, <c>code</c>, <c>name</c> and <c>detail</c> serve the pages' live search.</summary>
    /// <param name="Url">The panel page.</param>
    /// <param name="Code">The panel id as text.</param>
    /// <param name="Name">The panel name.</param>
    /// <param name="Detail">One line: version, sign-off, indications, gene count.</param>
    /// <param name="Panel">The panel.</param>
    public sealed record PanelHit(string Url, string Code, string Name, string Detail, PanelListItem Panel);

    /// <summary>The list answer.</summary>
    /// <param name="Count">How many hits.</param>
    /// <param name="Hits">The panels, by name.</param>
    public sealed record PanelList(int Count, IReadOnlyList<PanelHit> Hits);

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPanelsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Public: panels are open to everyone, like the directory (the fallback policy otherwise requires a signed-in user).
        RouteGroupBuilder group = endpoints.MapGroup("/api/panels").WithTags("Panels").AllowAnonymous();

        group.MapGet("", async (string? q, int? limit, IPanelQueries panels, CancellationToken ct) =>
        {
            int max = Math.Clamp(limit ?? 50, 1, 500);
            IReadOnlyList<PanelListItem> items = await panels.ListAsync(q, max, ct).ConfigureAwait(false);
            PanelHit[] hits = [.. items.Select(p => new PanelHit($"/panels/{p.Id}", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name, Describe(p), p))];
            return Results.Json(new PanelList(hits.Length, hits), s_json);
        }).WithName("ListPanels").WithSummary("Search panels by id, name, disease group, R-code or gene symbol.")
            .Produces<PanelList>();

        group.MapGet("/{id:int}", async (int id, string? version, string? confidence, IPanelQueries panels, CancellationToken ct) =>
        {
            Result<PanelConfidence> minimum = ConfidenceNames.Parse(confidence);
            if (!minimum.IsSuccess)
            {
                return ErrorResults.Problem(minimum.Error);
            }

            Result<PanelView> view = await panels.GetAsync(id, version, minimum.Value, ct).ConfigureAwait(false);
            return view.IsSuccess ? Results.Json(view.Value, s_json) : ErrorResults.Problem(view.Error);
        }).WithName("GetPanel").WithSummary("A panel at a version (default: newest with genes; 'signed-off' for the newest signed-off) with genes at or above a confidence (green, amber, red).")
            .Produces<PanelView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id:int}/versions", async (int id, IPanelQueries panels, CancellationToken ct) =>
        {
            Result<IReadOnlyList<PanelVersionInfo>> versions = await panels.VersionsAsync(id, ct).ConfigureAwait(false);
            return versions.IsSuccess ? Results.Json(new { panelId = id, versions = versions.Value }, s_json) : ErrorResults.Problem(versions.Error);
        }).WithName("GetPanelVersions").WithSummary("The stored versions of a panel, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/diff", async (int id, string? from, string? to, IPanelQueries panels, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            {
                return ErrorResults.Problem(Error.BadInput(PanelErrorCodes.BadQuery, "both 'from' and 'to' versions are required"));
            }

            Result<PanelDiff> diff = await panels.DiffAsync(id, from, to, ct).ConfigureAwait(false);
            return diff.IsSuccess ? Results.Json(diff.Value, s_json) : ErrorResults.Problem(diff.Error);
        }).WithName("DiffPanelVersions").WithSummary("Genes, STRs and regions added, removed, re-rated or with a new mode of inheritance between two versions.")
            .Produces<PanelDiff>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);

        return endpoints;
    }

    private static string Describe(PanelListItem p)
    {
        string codes = string.Join(' ', p.RelevantDisorders.Where(Panels.Domain.PanelVersion.IsIndicationCode));
        string signedOff = p.SignedOffVersion is null ? "" : $" · signed-off {p.SignedOffVersion}";
        return $"v{p.LatestVersion}{signedOff}{(codes.Length > 0 ? " · " + codes : "")} · {p.Genes} genes" +
            (p.DiseaseGroup.Length > 0 ? " · " + p.DiseaseGroup : "");
    }
}
