using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Designer;

[Collection(DesignerSuite.Name)]
public sealed class GraphiQLPageTests(DesignerFixture fixture)
{
    [Fact]
    public async Task GraphiQLPage_LoadsTheEditorsFromTheBundle_WithoutConsoleErrors()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        // GraphiQL introspects the schema as soon as it mounts; wait for that answer so its errors are logged.
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/graphiql.html"),
            response => response.Url.EndsWith("/graphql", StringComparison.Ordinal) && response.Request.Method == "POST");

        await Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await Expect(page.Locator(".graphiql-query-editor .monaco-editor")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" })).ToBeVisibleAsync();
        fixture.AssertNoUnexpectedErrors(errors, "The GraphiQL page");
    }

    [Fact]
    public async Task GraphiQLPage_RunsTheDefaultQueryAgainstTheApi()
    {
        var (page, errors) = await fixture.OpenPageAsync();
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/graphiql.html"),
            response => response.Url.EndsWith("/graphql", StringComparison.Ordinal) && response.Request.Method == "POST");

        // The Execute button renders before Monaco has created the query editor, and a click before that runs
        // nothing; the default query showing in the editor is the signal that GraphiQL can execute it.
        await Expect(page.Locator(".graphiql-query-editor .view-lines")).ToContainTextAsync("query Definitions");
        var execute = page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" });
        await Expect(execute).ToBeEnabledAsync();

        await page.RunAndWaitForResponseAsync(
            () => execute.ClickAsync(),
            response => response.Url.EndsWith("/graphql", StringComparison.Ordinal)
                && (response.Request.PostData ?? string.Empty).Contains("Definitions", StringComparison.Ordinal));

        var result = page.Locator(".graphiql-response");
        await Expect(result).ToContainTextAsync("\"data\"");
        await Expect(result).ToContainTextAsync("\"forms\"");
        await Expect(result).Not.ToContainTextAsync("\"errors\"");
        fixture.AssertNoUnexpectedErrors(errors, "Running a query in GraphiQL");
    }
}
