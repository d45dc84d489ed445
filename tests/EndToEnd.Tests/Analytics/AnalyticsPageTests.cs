using LowCode.EndToEnd.Tests.Infrastructure;
using LowCode.EndToEnd.Tests.Work;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Analytics;

[Collection(DesignerSuite.Name)]
public sealed class AnalyticsPageTests(DesignerFixture fixture)
{
    [Fact]
    public async Task AnAnalystSeesTheFiguresChartsAndTheGraphOverlayOfClaimsThatRan_WithoutAccessibilityViolations()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        for (var i = 0; i < 3; i++)
        {
            var (_, submit) = await WorkArrangements.StartExpenseClaimAsync(employee);
            await WorkArrangements.SubmitClaimAsync(employee, submit, 120m + i);
        }

        var (page, errors) = await fixture.OpenPageAsync("analyst", "ana@example.com");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/analytics");

        await page.GetByLabel("Process").SelectOptionAsync("expense-approval");
        var started = page.Locator(".analytics-kpi").Filter(new() { HasText = "Started" }).Locator("dd");
        await Expect(started).Not.ToHaveTextAsync("0");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Process graph as it ran" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Path variants" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "the Analytics page with figures of running claims");
        await PageChecks.ScreenshotAsync(page, "analytics-page");
        fixture.AssertNoUnexpectedErrors(errors, "The Analytics page");
    }
}
