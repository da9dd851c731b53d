using Microsoft.Playwright;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

/// <summary>The pharmacist's journey on <c>/pgx</c>: sign in, upload a VCF, read the drug recommendation.</summary>
public sealed class PgxPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Pharmacist_uploads_vcf_and_sees_drug_recommendation()
    {
        IPage page = await fixture.SignedInPageAsync("rx.browser", GmsRoles.Pharmacist);

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
        IPage page = await fixture.SignedInPageAsync("res.browser", GmsRoles.Researcher);

        await page.GotoAsync("/pgx");

        Assert.Contains("/account/denied", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pharmacogenomics" })).ToHaveCountAsync(0);
    }
}
