using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>An admin repairs an instance from its page; the timeline keeps who did it and why.</summary>
[Collection(DesignerSuite.Name)]
public sealed class InstanceRepairTests(DesignerFixture fixture)
{
    [Fact]
    public async Task AnAdminResolvesTheExceptionAnInstanceStoppedAt_AndTheTimelineShowsWhoDidItAndWhy()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        var (instanceId, submit) = await WorkArrangements.StartExpenseClaimAsync(employee);
        await WorkArrangements.SubmitClaimAsync(employee, submit, 6200m);

        var (viewerPage, viewerErrors) = await fixture.OpenPageAsync("user,analyst", "ivy@example.com");
        await viewerPage.GotoAsync($"/instances/{instanceId}");
        var viewerRepair = viewerPage.GetByRole(AriaRole.Region, new() { Name = "Repair" });
        await Expect(viewerRepair.GetByRole(AriaRole.Button, new() { Name = "Cancel the instance" })).ToBeDisabledAsync();
        await Expect(viewerRepair).ToContainTextAsync("Repairing an instance needs the admin permission");
        fixture.AssertNoUnexpectedErrors(viewerErrors, "The instance page for a non-admin");

        var (page, errors) = await fixture.OpenPageAsync("admin", "root@example.com");
        await page.GotoAsync($"/instances/{instanceId}");
        var exceptions = page.GetByRole(AriaRole.Region, new() { Name = "Open exceptions" });
        await Expect(exceptions).ToContainTextAsync("LINE_OVER_POLICY_LIMIT");
        await exceptions.GetByRole(AriaRole.Button, new() { Name = "Resolve LINE_OVER_POLICY_LIMIT" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Resolve an exception" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve an exception" }).ClickAsync();
        await Expect(dialog.GetByText("Say why, so the next person reading the timeline knows.")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "the repair dialog with its error shown");
        await PageChecks.ScreenshotAsync(page, "work-repair-dialog");

        await dialog.GetByLabel("Reason").FillAsync("Checked the receipt with the employee: a one-off conference fee.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resolve an exception" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(exceptions).ToContainTextAsync("None.");
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        var resolved = timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Exception resolved" }).Filter(new() { HasText = "by root@example.com" });
        await Expect(resolved).ToContainTextAsync("reason: Checked the receipt with the employee");
        await PageChecks.ScreenshotAsync(page, "work-instance-repaired");
        fixture.AssertNoUnexpectedErrors(errors, "The instance page for an admin");
    }
}
