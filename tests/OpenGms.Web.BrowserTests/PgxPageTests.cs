using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

/// <summary>The pharmacist's journey on <c>/pgx</c>: sign in, upload a VCF, read the drug recommendation.</summary>
public sealed class PgxPageTests(BrowserFixture fixture)
{
    private const string Password = "a-long-enough-password";

    private async Task<IPage> SignedInPageAsync(string user, string role)
    {
        using (IServiceScope scope = fixture.Service.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(user, Password, [role]);
        }

        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Pharmacist_uploads_vcf_and_sees_drug_recommendation()
    {
        IPage page = await SignedInPageAsync("rx.browser", GmsRoles.Pharmacist);

        await page.GetByRole(AriaRole.Link, new() { Name = "Pharmacogenomics" }).ClickAsync();
        await page.GetByLabel("VCF (plain or gzip)").SetInputFilesAsync(RepoPaths.TestData("pgx/two-patients.vcf"));
        await page.GetByLabel("Sample id", new() { Exact = false }).FillAsync("PATIENT-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make report" }).ClickAsync();

        ILocator report = page.Locator("article.pgx-report[data-sample='PATIENT-1']");
        await Assertions.Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = "CYP2C19" })).ToContainTextAsync("Poor Metabolizer");
        ILocator change = report.Locator("section.change").Filter(new() { HasText = "clopidogrel" });
        await Assertions.Expect(change).ToContainTextAsync("alternative P2Y12 inhibitor");
        await Assertions.Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Change or review the prescription", Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Researcher_is_refused_the_page()
    {
        IPage page = await SignedInPageAsync("res.browser", GmsRoles.Researcher);

        await page.GotoAsync("/pgx");

        Assert.Contains("/account/denied", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pharmacogenomics" })).ToHaveCountAsync(0);
    }
}
