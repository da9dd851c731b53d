using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Web.Pages.Directory;

internal sealed class IndexModel(IDirectoryCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Edition { get; set; }

    public IReadOnlyList<SearchHitView> Hits { get; private set; } = [];

    public IReadOnlyList<EditionView> Editions { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await catalog.ListEditionsAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Result<IReadOnlyList<SearchHitView>> result = await catalog.SearchAsync(Q, 50, Edition, cancellationToken).ConfigureAwait(false);
            Hits = result.IsSuccess ? result.Value : [];
            Problem = result.Error?.Message;
        }
    }

    public string Link(SearchHitView hit) =>
        (hit.Type == "test" ? "/directory/tests/" : "/directory/indications/") + Uri.EscapeDataString(hit.Code)
        + (string.IsNullOrWhiteSpace(Edition) ? string.Empty : "?edition=" + Uri.EscapeDataString(Edition));
}
