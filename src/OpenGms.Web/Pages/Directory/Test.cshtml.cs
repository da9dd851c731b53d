using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Web.Pages.Directory;

internal sealed class TestModel(IDirectoryCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Edition { get; set; }

    public TestView? Test { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result<TestView> result = await catalog.GetTestAsync(Code, Edition, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Problem = result.Error.Message;
            Response.StatusCode = result.Error.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Page();
        }

        Test = result.Value;
        return Page();
    }
}
