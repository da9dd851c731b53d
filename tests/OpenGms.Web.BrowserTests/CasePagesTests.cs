using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

/// <summary>
/// Case review through the pages: a rare-disease trio and a PGx order go from a sequenced order (placed and moved there
/// through the orders service, whose pages have their own browser test) to an authorised report, attached, reviewed,
/// submitted by one scientist and authorised by another.
/// </summary>
public sealed class CasePagesTests(BrowserFixture fixture)
{
    private const string Password = BrowserFixture.Password;

    [Fact]
    public async Task Trio_case_is_attached_reviewed_submitted_and_authorised_through_the_pages()
    {
        string dir = SharedData.PathOf("variants/clinical-cases/scout-trio-643594");
        await CreateUsersAsync("sci.trio", "auth.trio", "north-thames");
        Guid orderId = await SequencedOrderAsync("9434765048", "R14.1", ["HP:0001250"], "sci.trio", "north-thames");

        IPage scientist = await fixture.SignInAsync("sci.trio");
        await scientist.GotoAsync($"/orders/{orderId}");
        await scientist.Locator("#case-link").ClickAsync();
        await scientist.GetByLabel("VCF on the server").FillAsync(Path.Combine(dir, "643594.clinical.vcf.gz"));
        await scientist.GetByLabel("PED file on the server (family)").FillAsync(Path.Combine(dir, "643594.ped"));
        await scientist.GetByLabel("Proband's sample in the VCF").FillAsync("ADM1059A2");
        await scientist.Locator("#attach").ClickAsync();
        await Assertions.Expect(scientist.Locator("#case-status")).ToHaveTextAsync("ready-for-review", new() { Timeout = 60_000 });
        string caseUrl = scientist.Url;

        ILocator first = scientist.Locator("#variants tbody tr[data-variant]").First;
        string variantKey = (await first.GetAttributeAsync("data-variant"))!;
        ILocator form = scientist.Locator($"form.review-form:has(input[value='{variantKey}'])");
        await form.GetByLabel("Criterion").FillAsync("PS3");
        await form.GetByLabel("Met").SelectOptionAsync("true");
        await form.GetByLabel("Strength").SelectOptionAsync("Strong");
        await form.GetByLabel("report").CheckAsync();
        await form.GetByLabel("Why").FillAsync("functional study");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(scientist.Locator($"#variants tr[data-variant='{variantKey}'] .acmg")).ToContainTextAsync("PS3*");
        await scientist.Locator("#summary").FillAsync("Trio reviewed in the browser.");
        await scientist.Locator("#conclusion").FillAsync("One candidate reported.");
        await scientist.Locator("#save-text").ClickAsync();
        await scientist.Locator("#submit-report").ClickAsync();
        await Assertions.Expect(scientist.Locator("#case-status")).ToHaveTextAsync("awaiting-authorisation");
        await Assertions.Expect(scientist.Locator("#authorise")).ToHaveCountAsync(0);

        IPage authoriser = await fixture.SignInAsync("auth.trio");
        await authoriser.GotoAsync("/cases?status=awaiting-authorisation");
        await authoriser.Locator($"a[href='{new Uri(caseUrl).AbsolutePath}']").ClickAsync();
        await authoriser.Locator("#authorise").ClickAsync();
        await Assertions.Expect(authoriser.Locator("#case-status")).ToHaveTextAsync("authorised");
        await authoriser.Locator("#versions a").First.ClickAsync();
        await Assertions.Expect(authoriser.Locator("#authorised-by")).ToContainTextAsync("auth.trio");
        await Assertions.Expect(authoriser.Locator("#report-variants")).ToContainTextAsync(variantKey.Split(':')[0]);
        await authoriser.GotoAsync($"/orders/{orderId}");
        await Assertions.Expect(authoriser.Locator("#order-status")).ToHaveTextAsync("report-authorised");
    }

    [Fact]
    public async Task Pgx_case_is_uploaded_and_authorised_through_the_pages()
    {
        await CreateUsersAsync("sci.pgx", "auth.pgx", "north-west");
        Guid orderId = await SequencedOrderAsync("9434765056", "M1.1", [], "sci.pgx", "north-west");

        IPage scientist = await fixture.SignInAsync("sci.pgx");
        await scientist.GotoAsync($"/cases/attach/{orderId}");
        await scientist.Locator("#vcf-upload").SetInputFilesAsync(RepoPaths.TestData("pgx/two-patients.vcf"));
        await scientist.GetByLabel("Proband's sample in the VCF").FillAsync("PATIENT-1");
        await scientist.Locator("#attach").ClickAsync();
        await Assertions.Expect(scientist.Locator("#case-status")).ToHaveTextAsync("ready-for-review", new() { Timeout = 60_000 });
        await Assertions.Expect(scientist.Locator("#pgx-genes")).ToContainTextAsync("DPYD");
        await scientist.Locator("#summary").FillAsync("PGx genotyping.");
        await scientist.Locator("#conclusion").FillAsync("See prescribing.");
        await scientist.Locator("#save-text").ClickAsync();
        await scientist.Locator("#submit-report").ClickAsync();
        await Assertions.Expect(scientist.Locator("#case-status")).ToHaveTextAsync("awaiting-authorisation");

        IPage authoriser = await fixture.SignInAsync("auth.pgx");
        await authoriser.GotoAsync(scientist.Url);
        await authoriser.Locator("#authorise").ClickAsync();
        await Assertions.Expect(authoriser.Locator("#case-status")).ToHaveTextAsync("authorised");
        await authoriser.Locator("#versions a").First.ClickAsync();
        await Assertions.Expect(authoriser.Locator("#report-pgx-genes")).ToContainTextAsync("DPYD");
        await Assertions.Expect(authoriser.Locator("#report-pgx-drugs tbody tr").First).ToBeVisibleAsync();
    }

    private async Task CreateUsersAsync(string scientist, string authoriser, string glh)
    {
        using IServiceScope scope = fixture.Service.Services.CreateScope();
        AccountService accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync(scientist, Password, [GmsRoles.GlhScientist], glh, TestContext.Current.CancellationToken)).IsSuccess);
        Assert.True((await accounts.CreateAsync(authoriser, Password, [GmsRoles.GlhAuthoriser], glh, TestContext.Current.CancellationToken)).IsSuccess);
    }

    /// <summary>
    /// The order's life up to sequencing, all through the pages: a clinician places it on the order form, the GLH scientist
    /// accepts it from the worklist, books the sample in and moves it to sequencing on the order page.
    /// </summary>
    private async Task<Guid> SequencedOrderAsync(string nhs, string testCode, string[] hpo, string scientistUser, string glh)
    {
        string clinicianUser = "dr." + scientistUser;
        Assert.True(await CreateAsync(clinicianUser, GmsRoles.RequestingClinician, null));
        IPage clinician = await fixture.SignInAsync(clinicianUser);
        await clinician.GotoAsync("/orders/new");
        await clinician.GetByLabel("NHS number").FillAsync(nhs);
        await clinician.GetByLabel("Given name").FillAsync("Pat");
        await clinician.GetByLabel("Family name").FillAsync("Browser");
        await clinician.GetByLabel("Date of birth").FillAsync("2014-05-06");
        await clinician.GetByLabel("Sex").SelectOptionAsync("male");
        await clinician.GetByLabel("Test code").FillAsync(testCode);
        await clinician.GetByLabel("Requesting organisation (ODS code)").FillAsync("RW3");
        await clinician.GetByLabel("HPO terms").FillAsync(string.Join(", ", hpo));
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Send order" }).ClickAsync();
        await clinician.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}$"));
        Guid id = Guid.Parse(clinician.Url[(clinician.Url.LastIndexOf('/') + 1)..]);

        IPage scientist = await fixture.SignInAsync(scientistUser);
        await scientist.GotoAsync($"/orders/worklist?glh={glh}");
        ILocator row = scientist.Locator($"#worklist tr[data-order='{id}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "accepted", Exact = true }).ClickAsync();
        row = scientist.Locator($"#worklist tr[data-order='{id}']");
        await row.GetByLabel("Specimen id").FillAsync("BRW-" + nhs[^4..]);
        await row.GetByRole(AriaRole.Button, new() { Name = "Sample received" }).ClickAsync();
        await Assertions.Expect(scientist.Locator($"#worklist tr[data-order='{id}'] .status")).ToHaveTextAsync("sample-received");
        await scientist.GotoAsync($"/orders/{id}");
        await scientist.GetByRole(AriaRole.Button, new() { Name = "Move to sequencing" }).ClickAsync();
        await Assertions.Expect(scientist.Locator("#order-status")).ToHaveTextAsync("sequencing");
        return id;
    }

    private async Task<bool> CreateAsync(string user, string role, string? glh)
    {
        using IServiceScope scope = fixture.Service.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(user, Password, [role], glh, TestContext.Current.CancellationToken)).IsSuccess;
    }
}
