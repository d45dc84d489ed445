using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>What every browser test checks on the pages it reaches: accessibility with axe, and a screenshot kept as an artifact.</summary>
public static class PageChecks
{
    /// <summary>Where screenshots go: beside the test assembly, so CI can keep the folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>
    /// Runs axe on the page as it is now (populate it first: a form with errors shown, a dialog open) and fails with
    /// every serious or critical violation, its rule, help text and the elements it found.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string state)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violations on {state}:{Environment.NewLine}{Describe(serious)}");
    }

    /// <summary>Saves a full-page screenshot named for the test; assertions are on the page, never on the pixels.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, $"{string.Concat(name.Split(Path.GetInvalidFileNameChars()))}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join(
        Environment.NewLine,
        violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString() ?? n.Html))}"));
}
