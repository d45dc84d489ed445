using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Builders;

/// <summary>The rule editor against the seeded expense-routing rule set: simulate, dry run, publish live, and who may.</summary>
[Collection(DesignerSuite.Name)]
public sealed class RuleEditorTests(DesignerFixture fixture)
{
    [Fact]
    public async Task ADesignerWithoutAdminSeesPublishLiveDisabledWithTheReason_AndTheServerRefusesTheCallAnyway()
    {
        var key = await fixture.CreateKeyAsync("designer", "dora@example.com");
        var (page, errors) = await OpenAsync(key);

        await page.GotoAsync("/rules/expense-routing");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Expense routing");
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish live" });
        await Expect(publish).ToBeDisabledAsync();
        await Expect(publish).ToHaveAccessibleDescriptionAsync(new Regex("Publishing live needs the admin permission; you have designer"));
        await Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Publishing live needs the admin permission" })).ToBeVisibleAsync();

        // Simulate is open to designers: the seeded large-claims rule routes a claim of 1,200 to the finance review.
        await page.GetByLabel("Leaving step").FillAsync("managerApproval");
        await page.GetByLabel("Outcome").FillAsync("approved");
        await page.GetByLabel("Sample data (JSON)").FillAsync("""{ "total": 1200 }""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        var result = page.GetByRole(AriaRole.Region, new() { Name = "Simulation result" });
        await Expect(result).ToContainTextAsync("Routes to: financeReview");
        await Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "large-claims-go-to-finance" })).ToContainTextAsync("fired and routed");
        await Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "other-claims-go-to-payment" })).ToContainTextAsync("did not match");

        await PageChecks.AssertAccessibleAsync(page, "the rule editor for a designer without admin, after a simulation");

        // An unfinished expression is a problem the server finds in the rules as edited; the editor marks its rule.
        await page.GetByRole(AriaRole.Button, new() { Name = "large-claims-go-to-finance", Exact = true }).ClickAsync();
        var condition = page.GetByRole(AriaRole.Group, new() { Name = "Condition 2" });
        await condition.GetByRole(AriaRole.Button, new() { Name = "Use an expression" }).ClickAsync();
        await Expect(condition.GetByRole(AriaRole.Textbox, new() { Name = "Condition 2 expression" })).ToContainTextAsync(new Regex(@"total > \d+"));
        await condition.GetByRole(AriaRole.Textbox, new() { Name = "Condition 2 expression" }).FillAsync("total >");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems of rule large-claims-go-to-finance" })).ToContainTextAsync("$.rules[0]");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "large-claims-go-to-finance" }).First).ToContainTextAsync("problem");
        await PageChecks.AssertAccessibleAsync(page, "the rule editor with a rule in error");
        await PageChecks.ScreenshotAsync(page, nameof(ADesignerWithoutAdminSeesPublishLiveDisabledWithTheReason_AndTheServerRefusesTheCallAnyway));

        using var client = Client(key);
        var refused = await PostAsync(client, """mutation { publishRuleSet(key: "expense-routing", dryRunId: "1") { definition { version } error { message } } }""");
        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        fixture.AssertNoUnexpectedErrors(errors, "The rule editor");
    }

    [Fact]
    public async Task AnAdminLowersAThreshold_DryRunsItAgainstHistory_PublishesLive_AndTheRunningInstanceRoutesByTheNewVersion()
    {
        var employee = await fixture.CreateKeyAsync("user", "emma@example.com", "employee");
        var manager = await fixture.CreateKeyAsync("user", "max@example.com");
        using var employeeClient = Client(employee);
        using var managerClient = Client(manager);
        // History: one claim of 40 approved and routed to payment; a second one waits for its manager.
        var decided = await ClaimAtManagerApprovalAsync(employeeClient);
        await CompleteAsync(managerClient, decided.TaskId, new { reviewComment = "ok" }, "approved");
        var running = await ClaimAtManagerApprovalAsync(employeeClient);

        var admin = await fixture.CreateKeyAsync("designer,admin", "dee@example.com");
        var (page, errors) = await OpenAsync(admin);
        await page.GotoAsync("/rules/expense-routing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Expense routing");

        // Lower the finance threshold from 1,000 to 30 in both routing rules.
        await page.GetByRole(AriaRole.Button, new() { Name = "large-claims-go-to-finance", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Condition 2" }).GetByLabel("Value").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "other-claims-go-to-payment", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Condition 2" }).GetByLabel("Value").FillAsync("30");
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish live" });
        await Expect(publish).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved" })).ToBeVisibleAsync();
        await Expect(publish).ToHaveAccessibleDescriptionAsync(new Regex("Dry-run the saved draft"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run the saved draft" }).ClickAsync();
        var dryRun = page.GetByRole(AriaRole.Region, new() { Name = "Dry run result" });
        await Expect(dryRun).ToContainTextAsync(new Regex(@"[1-9]\d* of \d+ decisions change"));
        var example = dryRun.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = decided.InstanceId }) });
        await Expect(example).ToContainTextAsync("payment");
        await Expect(example).ToContainTextAsync("financeReview");
        await Expect(publish).ToBeEnabledAsync();
        await PageChecks.AssertAccessibleAsync(page, "the rule editor after a dry run");

        await publish.ClickAsync();
        var live = page.GetByText(new Regex(@"Version \d+ is live"));
        await Expect(live).ToBeVisibleAsync();
        var version = int.Parse(Regex.Match(await live.InnerTextAsync(), @"Version (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await PageChecks.ScreenshotAsync(page, nameof(AnAdminLowersAThreshold_DryRunsItAgainstHistory_PublishesLive_AndTheRunningInstanceRoutesByTheNewVersion));

        await CompleteAsync(managerClient, running.TaskId, new { reviewComment = "ok" }, "approved");
        using var adminClient = Client(admin);
        var instance = (await PostAsync(adminClient, "query($id: ID!) { instance(id: $id) { positions decisions { step target routedBy ruleSetVersion trace } } }", new { id = running.InstanceId }))
            .GetProperty("data").GetProperty("instance");
        Assert.Equal("financeReview", instance.GetProperty("positions")[0].GetString());
        var decision = instance.GetProperty("decisions").EnumerateArray().Last();
        Assert.Equal(("financeReview", "large-claims-go-to-finance", version), (decision.GetProperty("target").GetString(), decision.GetProperty("routedBy").GetString(), decision.GetProperty("ruleSetVersion").GetInt32()));
        Assert.Equal(version, decision.GetProperty("trace").GetProperty("version").GetInt32());
        fixture.AssertNoUnexpectedErrors(errors, "The rule editor");
    }

    private async Task<(IPage Page, ConsoleErrorLog Errors)> OpenAsync(string key)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync($"window.localStorage.setItem('lowcode.apiKey', '{key}');");
        var page = await context.NewPageAsync();
        return (page, new ConsoleErrorLog(page));
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(string InstanceId, string TaskId)> ClaimAtManagerApprovalAsync(HttpClient employee)
    {
        var started = (await PostAsync(employee, """mutation { startProcess(key: "expense-approval") { instance { id } createdTasks { id } error { message } } }"""))
            .GetProperty("data").GetProperty("startProcess");
        var id = started.GetProperty("instance").GetProperty("id").GetString()!;
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
        };
        var next = await CompleteAsync(employee, started.GetProperty("createdTasks")[0].GetProperty("id").GetString()!, claim, null);
        return (id, next);
    }

    /// <summary>Completes a task and returns the id of the task it created.</summary>
    private static async Task<string> CompleteAsync(HttpClient client, string taskId, object data, string? outcome)
    {
        var result = await PostAsync(client, "mutation($id: ID!, $data: JSON, $outcome: String) { completeTask(id: $id, data: $data, outcome: $outcome) { createdTasks { id } error { message } problems { path message } } }", new { id = taskId, data, outcome });
        var payload = result.GetProperty("data").GetProperty("completeTask");
        Assert.True(payload.GetProperty("error").ValueKind == JsonValueKind.Null, payload.ToString());
        var created = payload.GetProperty("createdTasks");
        return created.GetArrayLength() > 0 ? created[0].GetProperty("id").GetString()! : string.Empty;
    }
}
