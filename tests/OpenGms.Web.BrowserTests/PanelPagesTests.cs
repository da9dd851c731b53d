using Microsoft.Playwright;

namespace OpenGms.Web.BrowserTests;

/// <summary>The panel pages over the bundled demo panels (docs/demo-data-panels.md).</summary>
public sealed class PanelPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Panel_search_answers_as_you_type_and_opens_panel_with_rated_genes()
    {
        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/panels");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search panels" }).PressSequentiallyAsync("LDLR");
        ILocator hit = page.Locator("#panel-live a", new() { HasTextString = "Familial hypercholesterolaemia" });
        await hit.ClickAsync();

        await page.WaitForURLAsync("**/panels/772");
        Assert.Equal("Familial hypercholesterolaemia (GMS)", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        ILocator ldlr = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "LDLR", Exact = true }) });
        Assert.Equal("green", await ldlr.Locator(".tag").InnerTextAsync());
    }

    [Fact]
    public async Task Version_picker_shows_signed_off_list_entry()
    {
        IPage page = await fixture.NewPageAsync();
        await page.GotoAsync("/panels/503");

        await page.GetByLabel("Version").SelectOptionAsync("1.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await page.WaitForURLAsync("**/panels/503?version=1.2*");
        Assert.True(await page.Locator(".tag.green", new() { HasTextString = "GMS signed-off" }).IsVisibleAsync());
    }
}
