using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sign_in_page_signs_user_in_and_shows_name()
    {
        using (IServiceScope scope = fixture.Service.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("gc.browser", "a-long-enough-password", [GmsRoles.RequestingClinician], cancellationToken: TestContext.Current.CancellationToken);
        }

        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync("gc.browser");
        await page.GetByLabel("Password").FillAsync("a-long-enough-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Expect retries until the condition holds or the timeout passes: the redirect after sign-in takes a moment.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("gc.browser")).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_alert_and_stays_signed_out()
    {
        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync("nobody");
        await page.GetByLabel("Password").FillAsync("wrong-password-here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong user name or password");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
