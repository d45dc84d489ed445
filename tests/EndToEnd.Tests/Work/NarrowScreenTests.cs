using System.Text.Json;
using LowCode.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LowCode.EndToEnd.Tests.Work;

/// <summary>The work pages on a 768 px wide screen (a tablet held upright): no sideways scrolling, every control reachable.</summary>
[Collection(DesignerSuite.Name)]
public sealed class NarrowScreenTests(DesignerFixture fixture)
{
    // Every control on the page that lies outside the window's width, unless it sits in a box that scrolls sideways
    // by itself (a wide table in its own scroller); and how far the page itself scrolls sideways.
    private const string Overflow = """
        () => {
          const width = document.documentElement.clientWidth;
          const scrolls = (element) => {
            for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
              const style = getComputedStyle(box);
              if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && box.scrollWidth > box.clientWidth) return true;
            }
            return false;
          };
          const outside = [];
          for (const element of document.querySelectorAll('a[href], button, input, select, textarea, [contenteditable="true"]')) {
            const box = element.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === 'hidden') continue;
            // The skip link waits off-screen until it is focused, by design.
            if (element.classList.contains('skip-link')) continue;
            if ((box.left < -1 || box.right > width + 1) && !scrolls(element)) outside.push(element.outerHTML.slice(0, 120));
          }
          // What makes the page too wide, for the failure message: the innermost elements that reach past the window.
          // An absolutely placed element may escape its scroller (when the scroller is not its containing block).
          const escapes = (element) => ['absolute', 'fixed'].includes(getComputedStyle(element).position);
          const past = (element) => element.getBoundingClientRect().right > width + 1 && (!scrolls(element) || escapes(element));
          const wide = [...document.querySelectorAll('body *')]
            .filter((element) => past(element) && ![...element.children].some(past))
            .slice(0, 8)
            .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ends at ${Math.round(element.getBoundingClientRect().right)} px`);
          return { sideways: document.documentElement.scrollWidth - width, outside, wide };
        }
        """;

    [Fact]
    public async Task TheInboxTheTaskAndTheInstancePage_FitA768PixelScreen_WithEveryControlReachable()
    {
        using var employee = await WorkArrangements.ClientAsync(fixture, "user", WorkArrangements.Employee, "employee");
        var (instanceId, _) = await WorkArrangements.StartExpenseClaimAsync(employee);
        var (page, errors) = await fixture.OpenPageAsync("user", WorkArrangements.Employee, "employee");
        await page.SetViewportSizeAsync(768, 1024);

        await page.GotoAsync("/tasks");
        var tasks = page.GetByRole(AriaRole.Region, new() { Name = "Tasks" });
        await Expect(tasks.GetByRole(AriaRole.Link, new() { Name = "Submit the claim" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refresh" })).ToBeInViewportAsync();
        await PageChecks.ScreenshotAsync(page, "work-inbox-768");
        await AssertFitsAsync(page, "the inbox");
        await PageChecks.AssertAccessibleAsync(page, "the inbox at 768 px");

        await tasks.GetByRole(AriaRole.Link, new() { Name = "Submit the claim" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expense claim" })).ToBeVisibleAsync();
        await page.GetByLabel("Your name").FillAsync("Ann Employee");
        var complete = page.GetByRole(AriaRole.Button, new() { Name = "Complete task" });
        await complete.ScrollIntoViewIfNeededAsync();
        await Expect(complete).ToBeInViewportAsync();
        await PageChecks.ScreenshotAsync(page, "work-task-768");
        await AssertFitsAsync(page, "the task page");
        await PageChecks.AssertAccessibleAsync(page, "the task page at 768 px");

        await page.GotoAsync($"/instances/{instanceId}");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Current tasks" })).ToContainTextAsync("Submit the claim");
        await PageChecks.ScreenshotAsync(page, "work-instance-768");
        await AssertFitsAsync(page, "the instance page");
        await PageChecks.AssertAccessibleAsync(page, "the instance page at 768 px");
        fixture.AssertNoUnexpectedErrors(errors, "The work pages at 768 px");
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<JsonElement>(Overflow);
        var sideways = overflow.GetProperty("sideways").GetInt32();
        var outside = overflow.GetProperty("outside").EnumerateArray().Select(e => e.GetString()).ToList();
        var wide = overflow.GetProperty("wide").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(sideways <= 0, $"{what} scrolls sideways by {sideways} px at 768 px; too wide:{Environment.NewLine}{string.Join(Environment.NewLine, wide)}");
        Assert.True(outside.Count == 0, $"{what} has controls out of reach at 768 px:{Environment.NewLine}{string.Join(Environment.NewLine, outside)}");
    }
}
