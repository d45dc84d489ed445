using System.Diagnostics;

namespace LowCode.Api.Tests;

/// <summary>Runs a Node script that lives in the repository (with its own node_modules) and returns its output.</summary>
internal static class NodeScript
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LowCode.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("LowCode.sln not found above the test folder.");
        }
    }

    public static async Task<string> RunAsync(string relativeScript, params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot, relativeScript);
        var folder = Path.GetDirectoryName(script)!;
        Assert.True(
            Directory.Exists(Path.Combine(folder, "node_modules")),
            $"{Path.Combine(folder, "node_modules")} is missing: run 'npm ci' in {folder} (./test.sh does it).");

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js 20.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node {relativeScript} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
