using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;

namespace OpenGms.Web.Pages.Panels;

/// <summary>What changed between two versions of a panel (<c>/panels/{id}/diff?from=&amp;to=</c>).</summary>
public sealed class DiffModel(IPanelQueries panels) : PageModel
{
    /// <summary>The earlier version.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The later version.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The panel id.</summary>
    public int PanelId { get; private set; }

    /// <summary>The difference.</summary>
    public PanelDiff? Diff { get; private set; }

    /// <summary>Versions with genes, for the pickers.</summary>
    public IReadOnlyList<PanelVersionInfo> Versions { get; private set; } = [];

    /// <summary>The error, when a version is unknown.</summary>
    public Error? Problem { get; private set; }

    /// <summary>Loads the difference.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        PanelId = id;
        Result<IReadOnlyList<PanelVersionInfo>> versions = await panels.VersionsAsync(id, cancellationToken).ConfigureAwait(false);
        if (!versions.IsSuccess)
        {
            Problem = versions.Error;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Versions = [.. versions.Value.Where(v => v.HasEntities)];
        if (Versions.Count >= 2)
        {
            To ??= Versions[0].Version;
            From ??= Versions[1].Version;
        }

        if (From is null || To is null)
        {
            Problem = Error.NotFound(PanelErrorCodes.NoEntities, "fewer than two versions of this panel have their genes stored");
            return Page();
        }

        Result<PanelDiff> diff = await panels.DiffAsync(id, From, To, cancellationToken).ConfigureAwait(false);
        if (!diff.IsSuccess)
        {
            Problem = diff.Error;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Diff = diff.Value;
        return Page();
    }
}
