using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Testing;
using OpenGms.Web.Identity;

[assembly: AssemblyFixture(typeof(OpenGms.Web.BrowserTests.BrowserFixture))]

namespace OpenGms.Web.BrowserTests;

/// <summary>
/// One running service (embedded SQLite, demo data) and one headless Debian Chromium for the whole assembly.
/// Playwright drives the system browser: no browser download is possible on these machines.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private RunningService? _service;

    /// <summary>The running service.</summary>
    public RunningService Service => _service ?? throw new InvalidOperationException("Fixture not started.");

    /// <summary>A fresh page in a fresh browser context.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            Assert.Skip($"{ChromiumPath} is not installed: ./test.sh installs Debian's chromium.");
        }

        IBrowserContext context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Service.BaseAddress.ToString() });
        // Generous: CI machines have two cores and run other test projects at the same time.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>The password of every account the browser tests create.</summary>
    public const string Password = "a-long-enough-password";

    /// <summary>
    /// Creates a local account with <paramref name="role"/> (GLH staff need their <paramref name="glh"/>) and signs it
    /// in on a fresh page.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string user, string role, string? glh = null)
    {
        using (IServiceScope scope = Service.Services.CreateScope())
        {
            OpenGms.Kernel.Result<string> created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(user, Password, [role], glh, TestContext.Current.CancellationToken);
            Assert.True(created.IsSuccess, created.Error?.ToString());
        }

        return await SignInAsync(user);
    }

    /// <summary>Signs an existing account in through the sign-in page, on a fresh page.</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        IPage page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _service = await RunningService.StartAsync();
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing in CI: the test script must install chromium.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
