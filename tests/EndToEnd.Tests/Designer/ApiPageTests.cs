using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Designer;

[Collection(DesignerSuite.Name)]
public sealed class ApiPageTests(DesignerFixture fixture)
{
    [Fact]
    public async Task ApiPage_LinksToTheGraphiQLExplorerAndTheEndpoint()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        await page.GotoAsync("/api");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("API");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open GraphiQL" })).ToHaveAttributeAsync("href", "/graphiql.html");
        await Expect(page.GetByText("POST /graphql")).ToBeVisibleAsync();
        await Expect(page.GetByText("Checking API…")).ToHaveCountAsync(0);
        fixture.AssertNoUnexpectedErrors(errors, "The API page");
    }
}
