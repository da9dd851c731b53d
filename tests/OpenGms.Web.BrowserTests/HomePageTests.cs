using Microsoft.Playwright;

namespace OpenGms.Web.BrowserTests;

public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_offers_directory_search()
    {
        IPage page = await fixture.NewPageAsync();

        await page.GotoAsync("/");

        Assert.Equal("Home · OpenGMS", await page.TitleAsync());
        ILocator search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the test directory" });
        Assert.True(await search.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Test directory" }).IsVisibleAsync());
    }
}
