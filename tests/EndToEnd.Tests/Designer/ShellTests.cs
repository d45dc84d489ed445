using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Designer;

[Collection(DesignerSuite.Name)]
public sealed class ShellTests(DesignerFixture fixture)
{
    private static readonly string[] NavLabels = ["Forms", "Processes", "Rules", "Instances", "Tasks", "Analytics", "API"];

    [Fact]
    public async Task Root_RedirectsToFormsAndShowsEveryNavItem_WithoutConsoleErrors()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        await page.GotoAsync("/");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var label in NavLabels)
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex("/forms$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Forms");
        await Expect(page).ToHaveTitleAsync("Forms · LowCode Designer");
        await WaitForSettledPageAsync(page);
        fixture.AssertNoUnexpectedErrors(errors, "The shell");
    }

    [Fact]
    public async Task ClickingProcesses_ShowsTheProcessesPage_AndBackReturnsToForms()
    {
        var (page, errors) = await fixture.OpenPageAsync();
        await page.GotoAsync("/forms");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Forms");

        await nav.GetByRole(AriaRole.Link, new() { Name = "Processes", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/processes$"));
        await Expect(heading).ToHaveTextAsync("Processes");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Processes", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Forms", Exact = true })).Not.ToHaveAttributeAsync("aria-current", "page");
        await WaitForSettledPageAsync(page);

        await page.GoBackAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/forms$"));
        await Expect(heading).ToHaveTextAsync("Forms");
        await WaitForSettledPageAsync(page);
        fixture.AssertNoUnexpectedErrors(errors, "Navigating");
    }

    [Fact]
    public async Task DeepLinkToRules_IsServedByTheSpaFallback_AndRendersTheRulesPage()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        var response = await page.GotoAsync("/rules");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rules");
        await WaitForSettledPageAsync(page);
        fixture.AssertNoUnexpectedErrors(errors, "The rules page");
    }

    [Fact]
    public async Task DefinitionList_ShowsDefinitionsOrAnEmptyState_NeverAnError()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        await page.GotoAsync("/forms");
        await WaitForSettledPageAsync(page);

        var list = page.GetByRole(AriaRole.Region, new() { Name = "forms list" });
        if (fixture.GraphQLIsMounted)
        {
            // Once /graphql is mounted the designer's list query (docs/designer.md) must be answered.
            await Expect(list.GetByRole(AriaRole.Table).Or(list.GetByText("No forms yet"))).ToBeVisibleAsync();
        }
        else
        {
            await Expect(list.GetByText("No definitions yet")).ToBeVisibleAsync();
        }

        await Expect(list.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        fixture.AssertNoUnexpectedErrors(errors, "The forms page");
    }

    [Fact]
    public async Task UnknownPath_ShowsNotFoundInsideTheShell()
    {
        var (page, errors) = await fixture.OpenPageAsync();

        await page.GotoAsync("/no-such-page");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await Expect(page.GetByText("Page not found")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        fixture.AssertNoUnexpectedErrors(errors, "The not-found page");
    }

    [Fact]
    public async Task HealthBadge_ReportsTheApiOnline()
    {
        var (page, _) = await fixture.OpenPageAsync();

        await page.GotoAsync("/tasks");

        await Expect(page.GetByText("API online")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_RefusesAnUnknownKeyWithTheServersReason_ThenAUserKeyOpensOnlyTheUsersPages()
    {
        var (page, errors) = await fixture.OpenAnonymousPageAsync();
        var userKey = await fixture.CreateKeyAsync("user", "ursula@example.com", "finance");
        await page.GotoAsync("/forms");
        var key = page.GetByLabel("API key or token");

        await key.FillAsync("lc_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("key");
        await PageChecks.AssertAccessibleAsync(page, "the sign-in page with a refused key");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCountAsync(0);

        await key.FillAsync(userKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Forms", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("You cannot open this page")).ToBeVisibleAsync();
        await Expect(page.GetByText("ursula@example.com")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "the shell signed in as a user");
        await PageChecks.ScreenshotAsync(page, "shell-signed-in-as-user");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("API key or token")).ToBeVisibleAsync();
        // The refused key's 401 is the browser's own "Failed to load resource" line, which the test caused on purpose.
        Assert.All(errors.Errors, e => Assert.Contains("401", e.Text, StringComparison.Ordinal));
    }

    /// <summary>Waits until the page's own requests (definition list, health) have answered, so their errors are in the log.</summary>
    private static async Task WaitForSettledPageAsync(IPage page)
    {
        await Expect(page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Checking API…")).ToHaveCountAsync(0);
    }
}
