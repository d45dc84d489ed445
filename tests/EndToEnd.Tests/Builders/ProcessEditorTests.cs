using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Builders;

/// <summary>The process graph editor: a process built from published seed forms, routed by a rule drawn on the graph.</summary>
[Collection(DesignerSuite.Name)]
public sealed class ProcessEditorTests(DesignerFixture fixture)
{
    [Fact]
    public async Task ADesignerBuildsATwoStepProcessWithARoutingRuleOnTheGraph_PublishesIt_AndAStartedInstanceIsRoutedByTheRule()
    {
        var admin = await fixture.CreateKeyAsync("designer,admin", "dee@example.com");
        var (page, errors) = await fixture.OpenPageAsync("designer,admin", "dee@example.com");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync("/processes");
        await page.GetByLabel("Key").FillAsync("purchase-flow");
        await page.GetByLabel("Name").FillAsync("Purchase flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create process" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/processes/purchase-flow$"));
        var graph = page.GetByRole(AriaRole.Group, new() { Name = "Process graph of Purchase flow" });
        await Expect(graph).ToBeVisibleAsync();

        await AddFormStepAsync(page, "request", "expense-claim", "employee");
        await AddFormStepAsync(page, "review", "expense-review", "finance");
        await ConnectAsync(page, "request", "review", "next");
        await ConnectAsync(page, "review", "done", "next");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();

        var connect = page.GetByRole(AriaRole.Form, new() { Name = "Connect steps" });
        await connect.GetByLabel("From step").SelectOptionAsync("request");
        await connect.GetByLabel("To step").SelectOptionAsync("done");
        await connect.GetByLabel("How").SelectOptionAsync("rule");
        await connect.GetByLabel("Rule name").FillAsync("small-claims-skip-review");
        await connect.GetByLabel("Salience").FillAsync("10");
        await connect.GetByLabel("When field").FillAsync("total");
        await connect.GetByLabel("Operator").SelectOptionAsync("<");
        await connect.GetByLabel("Value").FillAsync("100");
        await connect.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rule small-claims-skip-review saved" })).ToBeVisibleAsync();

        await Expect(graph.GetByText("small-claims-skip-review (10)")).ToBeVisibleAsync();
        await Expect(graph.Locator("[aria-label='Form task step request, start']")).ToHaveCountAsync(1);
        await Expect(graph.Locator("[aria-label='End step Done']")).ToHaveCountAsync(1);
        await PageChecks.AssertAccessibleAsync(page, "the process editor with a graph of four steps and a rule edge");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();

        // The rule set goes live first, behind a dry run as every rule set does (a process publishes only against
        // published rule sets); with no history yet the dry run replays nothing and still yields its id.
        await page.GotoAsync("/rules/purchase-flow-routing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run the saved draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dry run result" })).ToContainTextAsync("decisions change");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish live" }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"Version 1 is live"))).ToBeVisibleAsync();

        await page.GotoAsync("/processes/purchase-flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Published as v1." })).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, nameof(ADesignerBuildsATwoStepProcessWithARoutingRuleOnTheGraph_PublishesIt_AndAStartedInstanceIsRoutedByTheRule));

        var employee = await fixture.CreateKeyAsync("user", "emma@example.com", "employee");
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", employee);
        var started = (await PostAsync(client, """mutation { startProcess(key: "purchase-flow") { instance { id } createdTasks { id stepKey } error { message } } }"""))
            .GetProperty("data").GetProperty("startProcess");
        Assert.Equal("request", started.GetProperty("createdTasks")[0].GetProperty("stepKey").GetString());
        var claim = new
        {
            employee = new { employeeName = "Emma Example", employeeEmail = "emma@example.com", managerEmail = "max@example.com", department = "sales", costCenter = "CC-1234" },
            currency = "EUR",
            lines = new[] { new { date = "2026-02-20", category = "meals", description = "Customer dinner", amount = 40 } },
        };
        var completed = await PostAsync(client, "mutation($id: ID!, $data: JSON) { completeTask(id: $id, data: $data) { error { message } problems { path message } } }", new { id = started.GetProperty("createdTasks")[0].GetProperty("id").GetString(), data = claim });
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("data").GetProperty("completeTask").GetProperty("error").ValueKind);

        using var adminClient = new HttpClient { BaseAddress = fixture.BaseAddress };
        adminClient.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        var instance = (await PostAsync(adminClient, "query($id: ID!) { instance(id: $id) { status decisions { step target routedBy } } }", new { id = started.GetProperty("instance").GetProperty("id").GetString() }))
            .GetProperty("data").GetProperty("instance");
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        var decision = instance.GetProperty("decisions")[0];
        Assert.Equal(("request", "done", "small-claims-skip-review"), (decision.GetProperty("step").GetString(), decision.GetProperty("target").GetString(), decision.GetProperty("routedBy").GetString()));
        fixture.AssertNoUnexpectedErrors(errors, "The process editor");
    }

    private static async Task AddFormStepAsync(IPage page, string key, string form, string role)
    {
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Add a step" });
        await add.GetByLabel("Step key").FillAsync(key);
        await add.GetByLabel("Kind").SelectOptionAsync("formTask");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        var properties = page.GetByRole(AriaRole.Region, new() { Name = $"Step {key}" });
        await properties.GetByRole(AriaRole.Combobox, new() { Name = "Form" }).SelectOptionAsync(form);
        await properties.GetByLabel("Assignee role").FillAsync(role);
    }

    private static async Task ConnectAsync(IPage page, string from, string to, string how)
    {
        var connect = page.GetByRole(AriaRole.Form, new() { Name = "Connect steps" });
        await connect.GetByLabel("From step").SelectOptionAsync(from);
        await connect.GetByLabel("To step").SelectOptionAsync(to);
        await connect.GetByLabel("How").SelectOptionAsync(how);
        await connect.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
