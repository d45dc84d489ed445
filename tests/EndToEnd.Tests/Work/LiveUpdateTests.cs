using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using LowCode.Engine.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>
/// Pages that follow the server over graphql-ws: another principal acts through the API, and the open page changes
/// without a reload. Each test waits until the page's subscription has reached the server before that principal acts,
/// since the server does not replay what a subscriber missed (the page reads the current state when it loads).
/// </summary>
[Collection(DesignerSuite.Name)]
public sealed class LiveUpdateTests(DesignerFixture fixture)
{
    private static readonly TimeSpan SubscribeTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheSecurityLeadsNotificationCountRises_WithoutAReload_WhenAnEmployeeRequestsPrivilegedAccessThroughTheApi()
    {
        var lead = $"lead-{Guid.NewGuid():N}@example.com";
        var (page, errors) = await fixture.OpenPageAsync("user", lead, "security-lead");
        await page.GotoAsync("/tasks");
        var bell = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifications") });
        await Expect(bell).ToBeVisibleAsync();

        // Opening the list marks everything so far as seen, so the count starts from nothing here.
        await bell.ClickAsync();
        await bell.ClickAsync();
        await Expect(bell).ToHaveAccessibleNameAsync("Notifications");
        await SubscribedAsync(new RuntimeChange(RuntimeChangeKind.NotificationReceived, "probe", null, lead, null, [], DateTime.UtcNow));

        using var employee = await WorkArrangements.ClientAsync(fixture, "user", "ivy@example.com", "employee");
        await RequestPrivilegedAccessAsync(employee);

        await Expect(bell).ToHaveAccessibleNameAsync(new Regex(@"1 new$"));
        await Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await bell.ClickAsync();
        var list = page.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        await Expect(list).ToContainTextAsync("Privileged access to financeDb requested by Ivy Employee.");
        await PageChecks.AssertAccessibleAsync(page, "the notification list opened after a live update");
        await PageChecks.ScreenshotAsync(page, "work-live-notification");
        fixture.AssertNoUnexpectedErrors(errors, "The inbox with the live bell");
    }

    [Fact]
    public async Task TheOpenInstancePageShowsTheManagersApproval_WithoutAReload()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        using var manager = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Manager);
        var (instanceId, submit) = await WorkArrangements.StartExpenseClaimAsync(employee);
        var approval = await WorkArrangements.SubmitClaimAsync(employee, submit, 1800m);
        var (page, errors) = await fixture.OpenPageAsync("user", WorkArrangements.Employee, "employee");

        await page.GotoAsync($"/instances/{instanceId}");
        var current = page.GetByRole(AriaRole.Region, new() { Name = "Current tasks" });
        await Expect(current).ToContainTextAsync("Manager approval");
        await SubscribedAsync(new RuntimeChange(RuntimeChangeKind.InstanceChanged, instanceId, instanceId, null, null, [], DateTime.UtcNow));

        var approved = (await WorkArrangements.GraphQLAsync(
            manager,
            "mutation($id: ID!) { completeTask(id: $id, outcome: \"approved\") { error { message } } }",
            new { id = approval })).GetProperty("completeTask");
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("error").ValueKind);

        await Expect(current).ToContainTextAsync("Finance review");
        await Expect(current).Not.ToContainTextAsync("Manager approval");
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Decision after Manager approval" })).ToContainTextAsync("→ Finance review");
        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{instanceId}$"));
        await PageChecks.AssertAccessibleAsync(page, "the instance page after a live update");
        await PageChecks.ScreenshotAsync(page, "work-live-instance");
        fixture.AssertNoUnexpectedErrors(errors, "The live instance page");
    }

    private async Task SubscribedAsync(RuntimeChange probe)
    {
        using var timeout = new CancellationTokenSource(SubscribeTimeout);
        await fixture.Services.GetRequiredService<ObservedRuntimeChangeNotifier>().SubscribedToAsync(probe, timeout.Token);
    }

    private static async Task RequestPrivilegedAccessAsync(HttpClient employee)
    {
        var started = (await WorkArrangements.GraphQLAsync(employee, """mutation { startProcess(key: "it-access-request") { createdTasks { id } error { message } } }""")).GetProperty("startProcess");
        Assert.Equal(JsonValueKind.Null, started.GetProperty("error").ValueKind);
        var data = new
        {
            requesterName = "Ivy Employee",
            requesterEmail = "ivy@example.com",
            managerEmail = WorkArrangements.Manager,
            system = "financeDb",
            accessLevel = "read",
            justification = "Month-end reconciliation.",
            neededFrom = "2026-12-10",
            neededUntil = "2027-01-10",
        };
        var completed = (await WorkArrangements.GraphQLAsync(
            employee,
            "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { error { message } problems { path message } } }",
            new { id = started.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data })).GetProperty("completeTask");
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("error").ValueKind);
    }
}
