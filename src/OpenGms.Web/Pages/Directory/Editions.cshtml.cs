using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Directory.Contracts;

namespace OpenGms.Web.Pages.Directory;

internal sealed class EditionsModel(IDirectoryCatalog catalog) : PageModel
{
    public IReadOnlyList<EditionView> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await catalog.ListEditionsAsync(cancellationToken).ConfigureAwait(false);
}
