using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Consent.Contracts;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

/// <summary>
/// The record of discussion in the browser: a clinician registers a patient, records consent, links a relative, then
/// records a research withdrawal; the withdrawal is in force at once for the research rule; an administrator finds every
/// access in the audit log; a GLH scientist can read but not record; a researcher is refused.
/// </summary>
public sealed class PatientPagesTests(BrowserFixture fixture)
{
    private static async Task RegisterAsync(IPage page, string nhs, string given, string family, string born)
    {
        ILocator form = page.Locator("#patient-register");
        await form.GetByLabel("NHS number").FillAsync(nhs);
        await form.GetByLabel("Given name").FillAsync(given);
        await form.GetByLabel("Family name").FillAsync(family);
        await form.GetByLabel("Date of birth").FillAsync(born);
        await form.GetByLabel("Sex").SelectOptionAsync("female");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
    }

    [Fact]
    public async Task Clinician_records_consent_and_a_withdrawal_that_applies_at_once_and_is_audited()
    {
        IPage page = await fixture.SignedInPageAsync("dr.consent", GmsRoles.RequestingClinician);
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();

        // A bad NHS number is refused with the check-digit error, and nothing is stored.
        await RegisterAsync(page, "401 023 2138", "Bad", "Number", "1990-01-01");
        await Assertions.Expect(page.Locator("#patient-problem")).ToContainTextAsync("check digit", new() { IgnoreCase = true });

        await page.GotoAsync("/patients");
        await RegisterAsync(page, "401 023 2137", "Mary", "Jones", "1990-05-17");
        await Assertions.Expect(page.Locator("#patient-nhs")).ToHaveTextAsync("401 023 2137");
        Guid id = Guid.Parse(page.Url.Split('/')[^1]);
        await Assertions.Expect(page.Locator("#research-decision")).ToHaveTextAsync("Not asked yet");

        ILocator discussion = page.Locator("#discussion-form");
        await discussion.GetByLabel("Clinical testing").SelectOptionAsync("Yes");
        await discussion.GetByLabel("Research participation").SelectOptionAsync("Yes");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Record discussion" }).ClickAsync();
        await Assertions.Expect(page.Locator("#research-decision")).ToHaveTextAsync("Yes");
        Assert.True(await IncludedAsync(id));

        // The mother, registered and linked into the family.
        await page.GotoAsync("/patients");
        await RegisterAsync(page, "943 476 5870", "Ruth", "Jones", "1962-02-03");
        await page.GotoAsync($"/patients/{id}");
        ILocator relative = page.Locator("#relative-form");
        await relative.GetByLabel("Relative's NHS number").FillAsync("9434765870");
        await relative.GetByLabel("Relationship to the proband").FillAsync("mother");
        await relative.GetByRole(AriaRole.Button, new() { Name = "Link relative" }).ClickAsync();
        await Assertions.Expect(page.Locator("#family tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#family")).ToContainTextAsync("mother");

        // Withdrawal from research: in force for the research rule as soon as it is recorded.
        await discussion.GetByLabel("Research participation").SelectOptionAsync("No");
        await discussion.GetByLabel("Notes").FillAsync("Withdrew from research at clinic");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Record discussion" }).ClickAsync();
        await Assertions.Expect(page.Locator("#research-decision")).ToHaveTextAsync("No");
        await Assertions.Expect(page.Locator("#consent-history tbody tr")).ToHaveCountAsync(2);
        Assert.False(await IncludedAsync(id));

        // A GLH scientist reads the record but is not offered the forms that change it.
        IPage scientist = await fixture.SignedInPageAsync("sci.consent", GmsRoles.GlhScientist, "north-west");
        await scientist.GotoAsync($"/patients/{id}");
        await Assertions.Expect(scientist.Locator("#research-decision")).ToHaveTextAsync("No");
        await Assertions.Expect(scientist.Locator("#discussion-form")).ToHaveCountAsync(0);
        await Assertions.Expect(scientist.Locator("#relative-form")).ToHaveCountAsync(0);

        // A researcher is refused; the administrator finds every access, the refusal included, in the audit log.
        IPage researcher = await fixture.SignedInPageAsync("res.consent", GmsRoles.Researcher);
        await researcher.GotoAsync($"/patients/{id}");
        Assert.Contains("/account/denied", researcher.Url, StringComparison.OrdinalIgnoreCase);

        IPage admin = await fixture.SignedInPageAsync("admin.consent", GmsRoles.Administrator);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await admin.Locator("#audit-search").GetByLabel("Patient id").FillAsync(id.ToString());
        await admin.Locator("#audit-search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        ILocator lines = admin.Locator("#audit-lines tbody tr");
        await Assertions.Expect(lines.Filter(new() { HasText = "dr.consent" }).Filter(new() { HasText = "Create" })).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Filter(new() { HasText = "dr.consent" }).Filter(new() { HasText = "Update" })).ToHaveCountAsync(3);
        await Assertions.Expect(lines.Filter(new() { HasText = "sci.consent" }).Filter(new() { HasText = "Read" })).ToHaveCountAsync(1);
        await Assertions.Expect(lines.Filter(new() { HasText = "res.consent" }).Filter(new() { HasText = "Denied" })).ToHaveCountAsync(1);
    }

    private async Task<bool> IncludedAsync(Guid id)
    {
        using IServiceScope scope = fixture.Service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IResearchConsent>().IsIncludedAsync(new PatientId(id), CancellationToken.None);
    }
}
