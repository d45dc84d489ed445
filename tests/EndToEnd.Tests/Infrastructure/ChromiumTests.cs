using Microsoft.Playwright;

namespace LowCode.EndToEnd.Tests.Infrastructure;

public sealed class ChromiumTests
{
    [Fact]
    public async Task Launch_WhenChromiumIsMissing_FailsWithThePathAndTheInstallCommand()
    {
        using var playwright = await Playwright.CreateAsync();
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Chromium.LaunchAsync(playwright, missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get update && apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }
}
