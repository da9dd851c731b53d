using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;

namespace OpenGms.Web.Pages.Panels;

/// <summary>One panel at one version (<c>/panels/{id}?version=&amp;confidence=</c>).</summary>
public sealed class PanelModel(IPanelQueries panels) : PageModel
{
    /// <summary>The version asked for (empty: newest with genes).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    /// <summary>The lowest rating shown: green, amber or red.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confidence { get; set; }

    /// <summary>The panel.</summary>
    public PanelView? Panel { get; private set; }

    /// <summary>The error, when the panel or version is unknown.</summary>
    public Error? Problem { get; private set; }

    /// <summary>Loads the panel.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Result<PanelConfidence> minimum = ConfidenceNames.Parse(Confidence);
        Result<PanelView> view = minimum.IsSuccess
            ? await panels.GetAsync(id, Version, minimum.Value, cancellationToken).ConfigureAwait(false)
            : minimum.Error;
        if (!view.IsSuccess)
        {
            Problem = view.Error;
            Response.StatusCode = view.Error.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Page();
        }

        Panel = view.Value;
        return Page();
    }

    /// <summary>The CSS class of a rating tag.</summary>
    public static string TagClass(PanelConfidence confidence) => ConfidenceNames.Name(confidence);
}
