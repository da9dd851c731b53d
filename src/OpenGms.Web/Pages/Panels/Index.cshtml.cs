using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Panels.Application.QueryPanels;

namespace OpenGms.Web.Pages.Panels;

/// <summary>The panel list with search (<c>/panels?q=</c>); the same search answers as you type through the API.</summary>
public sealed class IndexModel(IPanelQueries panels) : PageModel
{
    /// <summary>The search text.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The panels shown.</summary>
    public IReadOnlyList<PanelListItem> Panels { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Panels = await panels.ListAsync(Query, 200, cancellationToken).ConfigureAwait(false);
    }
}
