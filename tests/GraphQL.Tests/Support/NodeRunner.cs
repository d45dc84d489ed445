using System.Diagnostics;

namespace LowCode.GraphQL.Tests.Support;

/// <summary>Runs a script of tests/GraphQL.Tests/js-reference with Node and returns its standard output.</summary>
internal static class NodeRunner
{
    public static string Run(string script, params string[] arguments)
    {
        var folder = RepositoryPaths.JsReference;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql")))
        {
            throw new InvalidOperationException($"graphql-js is not installed: run npm ci in {folder}");
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {error.Result}");
        }

        return output.Result;
    }
}
