using Microsoft.Playwright;

namespace OpenGms.Web.BrowserTests;

public sealed class DirectoryPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Live_search_opens_indication_with_tests_and_genes()
    {
        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/directory");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the test directory" }).FillAsync("hypercholesterolaemia");
        ILocator hit = page.Locator("#live-results a", new() { HasTextString = "R134 Familial hypercholesterolaemia" });
        await hit.WaitForAsync(new() { Timeout = 15000 });
        await hit.ClickAsync();
        await page.WaitForURLAsync("**/directory/indications/R134");

        Assert.Equal("R134 Familial hypercholesterolaemia · OpenGMS", await page.TitleAsync());
        ILocator table = page.GetByRole(AriaRole.Table);
        Assert.True(await table.GetByRole(AriaRole.Link, new() { Name = "R134.1" }).IsVisibleAsync());
        Assert.True(await table.GetByText("LDLR", new() { Exact = true }).First.IsVisibleAsync());
    }
}
