using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Web.Pages.Directory;

internal sealed class DiffModel(IDirectoryCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public EditionDiffView? Diff { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To))
        {
            Problem = "Choose two editions to compare.";
            return Page();
        }

        Result<EditionDiffView> result = await catalog.DiffAsync(From, To, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Problem = result.Error.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Diff = result.Value;
        return Page();
    }
}
