using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Launches the machine's Debian Chromium; Playwright's own browser download is not available here,
/// so a missing Chromium fails with the command that installs it.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking switches Chromium keeps dialling Google hosts that this network refuses.
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => LaunchAsync(playwright, ExecutablePath);

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string executablePath)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(executablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {executablePath}, and it is not there. " +
                "Install it with: apt-get update && apt-get install -y chromium");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = LaunchArguments,
        });
    }
}
