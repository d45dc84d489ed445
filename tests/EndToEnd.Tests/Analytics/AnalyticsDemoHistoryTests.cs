using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Analytics;

[CollectionDefinition(Name)]
public sealed class DemoHistorySuite : ICollectionFixture<DemoHistoryFixture>
{
    public const string Name = "Analytics on the demo history";
}

/// <summary>
/// The Analytics page over the history <c>--demo-history</c> generates: the overlay on the designed graph shows the
/// month-end workaround (large claims routed past the manager) as a dashed edge whose example instances open. Its
/// screenshots are the ones in docs/images (docs/analytics.md says how to reproduce them).
/// </summary>
[Collection(DemoHistorySuite.Name)]
public sealed class AnalyticsDemoHistoryTests(DemoHistoryFixture fixture)
{
    [Fact]
    public async Task AnAnalystFindsTheWorkaroundOnTheGraphOverlayOfTheDemoHistory_AndOpensItsExamplesByKeyboard()
    {
        var (page, errors) = await fixture.OpenAnalystPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/analytics");
        await page.GetByLabel("Process").SelectOptionAsync("expense-approval");

        var graph = page.GetByRole(AriaRole.Group, new() { Name = "Process graph as it ran", Exact = false });
        await Expect(graph).ToBeVisibleAsync();
        var workaround = graph.Locator("[aria-roledescription='edge'][aria-label^='Taken from submit to financeReview']");
        await Expect(workaround).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("not in the design$"));
        await Expect(workaround).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flow-edge--workaround"));
        await Expect(workaround.Locator(".react-flow__edge-text")).ToContainTextAsync("not designed");
        await Expect(graph.Locator(".flow-node__note").First).ToContainTextAsync("waits");

        // The simulated ERP answers the payment webhooks, so claims end: a completed count, a cycle time and paths.
        var completed = page.Locator(".analytics-kpi").Filter(new() { HasText = "Completed" }).Locator("dd");
        await Expect(completed).Not.ToHaveTextAsync("0");
        Assert.True(int.Parse(await completed.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var variants = page.Locator(".analytics-variants li");
        await Expect(variants.First).ToContainTextAsync("submit → managerApproval");
        await Expect(page.Locator(".analytics-variants")).ToContainTextAsync("payByHand");
        await PageChecks.ScreenshotAsync(page, "analytics-demo-history");
        await page.Locator(".analytics-overlay").ScreenshotAsync(new() { Path = Path.Combine(PageChecks.ScreenshotFolder, "analytics-demo-overlay.png") });

        var step = graph.Locator("[aria-roledescription='node']").Filter(new() { HasText = "waits" }).First;
        await step.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.GetByRole(AriaRole.Complementary, new() { Name = "Selected step or transition" });
        await Expect(detail).ToContainTextAsync("Median waiting");

        await workaround.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = "submit → financeReview" })).ToBeVisibleAsync();
        await Expect(detail).ToContainTextAsync("not in the design");
        await Expect(detail).ToContainTextAsync(DemoWorkaroundRule);
        var example = detail.GetByRole(AriaRole.Link).First;
        await Expect(example).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/instances/"));
        await PageChecks.AssertAccessibleAsync(page, "the Analytics page on the demo history with a workaround selected");

        await example.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/instances/"));
        DemoHistoryFixture.AssertNoErrors(errors, "The Analytics page on the demo history");
    }

    private const string DemoWorkaroundRule = LowCode.HistoryGenerator.DemoHistory.WorkaroundRule;
}
