using System.Diagnostics;

namespace LowCode.GraphQL.Tests.AspNetCore.TestSupport;

/// <summary>
/// Runs the Node scripts in tests/GraphQL.Tests/AspNetCore/js (graphql-http audits, graphql-ws client) and returns
/// what they print. Fails with the fix when the npm packages are not installed.
/// </summary>
public static class NodePeer
{
    public static string ScriptsFolder { get; } = Path.Combine(RepositoryRoot(), "tests", "GraphQL.Tests", "AspNetCore", "js");

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var folder = Path.GetFullPath(ScriptsFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http"))
            || !Directory.Exists(Path.Combine(folder, "node_modules", "graphql-ws")))
        {
            throw new InvalidOperationException(
                $"The Node packages these tests drive are not installed. Run `npm ci` in {folder} and run the tests again.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start `node`; Node 20 or later must be on PATH.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 60 seconds. Its stderr: {await errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}. Its stderr: {await errors}\nIts stdout: {await output}");
        }

        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LowCode.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No LowCode.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
