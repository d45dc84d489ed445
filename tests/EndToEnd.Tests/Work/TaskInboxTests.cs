using System.Text.RegularExpressions;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>People doing the expense claim's work in the browser: the inbox, the task's form and the approval.</summary>
[Collection(DesignerSuite.Name)]
public sealed class TaskInboxTests(DesignerFixture fixture)
{
    [Fact]
    public async Task AnEmployeeCompletesTheFirstTaskOfAnExpenseClaimFromTheInbox_WithTheServersConditionsAndErrorsAtTheirFields()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        await WorkArrangements.StartExpenseClaimAsync(employee);
        var (page, errors) = await fixture.OpenPageAsync("user", WorkArrangements.Employee, "employee");

        await page.GotoAsync("/tasks");
        await page.GetByRole(AriaRole.Region, new() { Name = "Tasks" }).GetByRole(AriaRole.Link, new() { Name = "Submit the claim" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expense claim" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "attention" })).ToBeVisibleAsync();

        await page.GetByLabel("Your name").FillAsync("Ann Employee");
        await page.GetByLabel("Your work e-mail").FillAsync(WorkArrangements.Employee);
        await page.GetByLabel("Your manager's e-mail").FillAsync(WorkArrangements.Manager);
        await page.GetByLabel("Department").SelectOptionAsync("engineering");
        await page.GetByLabel("Cost center").FillAsync("CC-1234");
        await page.GetByLabel("Date", new() { Exact = false }).First.FillAsync("2026-03-02");
        await page.GetByLabel("Category").SelectOptionAsync("training");
        await page.GetByLabel("Description").FillAsync("Conference ticket");

        // A condition becomes true on the server: the destination appears, required.
        await Expect(page.GetByLabel("Destination")).ToHaveCountAsync(0);
        var evaluated = page.WaitForRequestAsync(request => request.Url.EndsWith("/graphql", StringComparison.Ordinal) && (request.PostData ?? string.Empty).Contains("evaluateForm", StringComparison.Ordinal) && (request.PostData ?? string.Empty).Contains("\"isTravel\":true", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "These expenses are for a business trip" }).CheckAsync();
        await evaluated;
        var destination = page.GetByLabel("Destination");
        await Expect(destination).ToBeVisibleAsync();
        await Expect(destination).ToHaveAttributeAsync("aria-required", "true");

        // A cross-field validation only the server computes, shown at the field it names.
        await destination.FillAsync("Berlin");
        await page.GetByLabel("Trip start").FillAsync("2026-03-10");
        var tripEnd = page.GetByLabel("Trip end");
        await tripEnd.FillAsync("2026-03-05");
        var crossField = page.GetByText("The trip cannot end before it starts.");
        await Expect(crossField).ToBeVisibleAsync();
        await Expect(tripEnd).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = await crossField.GetAttributeAsync("id");
        await Expect(tripEnd).ToHaveAttributeAsync("aria-describedby", new Regex(Regex.Escape(errorId!)));
        await PageChecks.AssertAccessibleAsync(page, "the task form with errors shown");
        await PageChecks.ScreenshotAsync(page, "work-task-form-with-errors");

        await tripEnd.FillAsync("2026-03-12");
        await Expect(crossField).ToHaveCountAsync(0);
        await page.GetByLabel("Amount").FillAsync("1250");
        var justification = page.GetByLabel("Why is this claim over 1,000?");
        await Expect(justification).ToBeVisibleAsync();
        await justification.FillAsync("The yearly engineering conference, agreed in the team plan.");
        await page.GetByLabel("Choose a file for Receipts").SetInputFilesAsync(new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 receipt"u8.ToArray() });
        await Expect(page.GetByText("receipt.pdf")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Total")).ToHaveValueAsync("1250");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Task completed" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Next: Manager approval (with {WorkArrangements.Manager})")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "work-task-completed");
        fixture.AssertNoUnexpectedErrors(errors, "The task page");
    }

    [Fact]
    public async Task TheManagerApprovesAClaimOver1000_AndTheInstancePageShowsItRoutedToFinanceByTheRuleAndItsVersion()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        var (instanceId, submit) = await WorkArrangements.StartExpenseClaimAsync(employee);
        var approval = await WorkArrangements.SubmitClaimAsync(employee, submit, 1800m);
        var (page, errors) = await fixture.OpenPageAsync("user", WorkArrangements.Manager);

        await page.GotoAsync($"/tasks/{approval}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Manager approval");
        var context = page.GetByRole(AriaRole.Region, new() { Name = "What this task is about" });
        await Expect(context.GetByRole(AriaRole.Cell, new() { Name = "Conference ticket" }).First).ToBeVisibleAsync();
        await Expect(context.GetByRole(AriaRole.Cell, new() { Name = "1800" }).First).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "the approval with the claim beside it");

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByText("Next: Finance review (with group finance)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the instance" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/instances/{instanceId}$"));
        var decision = page.GetByRole(AriaRole.Article, new() { Name = "Decision after Manager approval" });
        await Expect(decision).ToContainTextAsync("→ Finance review");
        await Expect(decision.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "large-claims-go-to-finance (decided the route)" })).ToBeVisibleAsync();
        await Expect(decision.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^expense-routing version \d+$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Current tasks" })).ToContainTextAsync("Finance review");
        await PageChecks.AssertAccessibleAsync(page, "the instance page");
        await PageChecks.ScreenshotAsync(page, "work-instance-routed-to-finance");
        fixture.AssertNoUnexpectedErrors(errors, "The approval and instance pages");
    }
}
