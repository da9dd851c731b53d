using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenGms.Web.Pages.Account;

/// <summary>The sign-in page for local accounts.</summary>
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The user name typed.</summary>
    [BindProperty]
    public string? UserName { get; set; }

    /// <summary>The password typed.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Why sign-in failed, for the page.</summary>
    public string? Failed { get; private set; }

    /// <summary>Checks the password and sets the cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Failed = "Enter your user name and password.";
            return Page();
        }

        Microsoft.AspNetCore.Identity.SignInResult result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Failed = result.IsLockedOut ? "The account is locked after repeated failures; try again later." : "Wrong user name or password.";
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>Signs out, at the identity provider too for a provider sign-in that supports it (the response is then its redirect).</summary>
    public async Task<IActionResult> OnPostLogoutAsync() =>
        await Identity.WebAuthentication.SignOutAsync(HttpContext, "/").ConfigureAwait(false) ? new EmptyResult() : LocalRedirect("/");
}
