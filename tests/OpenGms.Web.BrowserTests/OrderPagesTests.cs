using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGms.Web.Identity;

namespace OpenGms.Web.BrowserTests;

public sealed partial class OrderPagesTests(BrowserFixture fixture)
{
    private const string Password = BrowserFixture.Password;

    [Fact]
    public async Task Clinician_places_an_order_and_the_glh_scientist_accepts_it_and_books_the_sample_in()
    {
        using (IServiceScope scope = fixture.Service.Services.CreateScope())
        {
            AccountService accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateAsync("dr.orders", Password, [GmsRoles.RequestingClinician], cancellationToken: TestContext.Current.CancellationToken);
            await accounts.CreateAsync("sci.orders", Password, [GmsRoles.GlhScientist], "north-west", cancellationToken: TestContext.Current.CancellationToken);
        }

        // The clinician fills the form; eligibility and routing appear live.
        IPage clinician = await fixture.SignInAsync("dr.orders");
        await clinician.GotoAsync("/orders/new");
        await clinician.GetByLabel("NHS number").FillAsync("485 777 3457");
        await clinician.GetByLabel("Given name").FillAsync("Bea");
        await clinician.GetByLabel("Family name").FillAsync("Browser");
        await clinician.GetByLabel("Date of birth").FillAsync("1975-03-04");
        await clinician.GetByLabel("Sex").SelectOptionAsync("female");
        await clinician.GetByLabel("Test code").FillAsync("R134.1");
        await clinician.GetByLabel("Requesting organisation (ODS code)").FillAsync("RW3");
        await clinician.GetByLabel("HPO terms").FillAsync("HP:0003124");
        await clinician.GetByLabel("Highest untreated LDL cholesterol (mmol/L)").FillAsync("4.2");
        await Assertions.Expect(clinician.Locator("#preview-routing")).ToContainTextAsync("North West Genomic Laboratory Hub");
        await Assertions.Expect(clinician.Locator("#preview-eligibility")).ToContainTextAsync("Not eligible");
        await clinician.GetByLabel("Tendon xanthomata").SelectOptionAsync("true");
        await clinician.GetByLabel("Highest untreated LDL cholesterol (mmol/L)").FillAsync("8.6");
        await Assertions.Expect(clinician.Locator("#preview-eligibility")).ToContainTextAsync("Eligible");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Send order" }).ClickAsync();

        await clinician.WaitForURLAsync(OrderUrl());
        await Assertions.Expect(clinician.Locator("#order-status")).ToHaveTextAsync("requested");
        string orderId = clinician.Url[(clinician.Url.LastIndexOf('/') + 1)..];
        await clinician.GotoAsync("/orders");
        await Assertions.Expect(clinician.Locator($"#my-orders tr[data-order='{orderId}']")).ToContainTextAsync("R134.1");

        // The GLH scientist accepts it from the worklist and books the sample in.
        IPage scientist = await fixture.SignInAsync("sci.orders");
        await scientist.GotoAsync("/orders/worklist?glh=north-west");
        ILocator row = scientist.Locator($"#worklist tr[data-order='{orderId}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "accepted", Exact = true }).ClickAsync();
        row = scientist.Locator($"#worklist tr[data-order='{orderId}']");
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("accepted");
        await row.GetByLabel("Specimen id").FillAsync("BRW-0001");
        await row.GetByRole(AriaRole.Button, new() { Name = "Sample received" }).ClickAsync();

        await Assertions.Expect(scientist.Locator($"#worklist tr[data-order='{orderId}'] .status")).ToHaveTextAsync("sample-received");
        await scientist.GotoAsync($"/orders/{orderId}");
        await Assertions.Expect(scientist.Locator("#history")).ToContainTextAsync("sci.orders");
        await Assertions.Expect(scientist.GetByRole(AriaRole.Cell, new() { Name = "BRW-0001", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Worklist_is_refused_to_a_requesting_clinician()
    {
        IPage page = await fixture.SignedInPageAsync("dr.noworklist", GmsRoles.RequestingClinician);
        await page.GotoAsync("/orders/worklist");

        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex("/orders/[0-9a-f-]{36}$")]
    private static partial Regex OrderUrl();
}
