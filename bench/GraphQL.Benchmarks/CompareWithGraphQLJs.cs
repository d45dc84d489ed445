using System.Diagnostics;
using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Validation;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- compare</c>: measures ops/s of the same workloads here, in GraphQL.NET 8.8.5 in this
/// process (<see cref="GraphQLNetPeer"/>) and in graphql-js 16 on Node (node/execute.mjs), one after the other in the
/// same run, and prints each peer beside ours with the ratio.
/// </summary>
internal static class CompareWithGraphQLJs
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync()
    {
        var executor = BenchmarkSchema.CreateExecutor();
        var request = new GraphQLRequest(BenchmarkSchema.ItemsQuery);
        var check = await executor.ExecuteAsync(request);
        if (check.Errors.Count > 0)
        {
            throw new InvalidOperationException(check.Errors[0].Message);
        }

        var schema = BenchmarkSchema.Build();
        var document = BenchmarkSchema.FiveKilobyteDocument;
        var ours = new Dictionary<string, double>
        {
            ["execute-100-items"] = await OpsPerSecondAsync(() => executor.ExecuteAsync(request)),
            ["parse-validate-5kb"] = await OpsPerSecondAsync(() =>
                Task.FromResult(DocumentValidator.Validate(schema, Parser.Parse(document).Document!).Count)),
        };

        // End to end as a server does it: execute, then write the JSON response. GraphQL.NET has no document cache
        // here (its cache package is not served), so ours is also measured with the cache off.
        var uncached = BenchmarkSchema.CreateExecutor(documentCacheSize: 0);
        var peer = new GraphQLNetPeer();
        var peerCheck = await peer.ExecuteAndSerializeAsync(BenchmarkSchema.ItemsQuery);
        var ourCheck = ExecutionResultSerializer.Serialize(await executor.ExecuteAsync(request));
        if (peerCheck != ourCheck)
        {
            throw new InvalidOperationException($"GraphQL.NET answered differently:{Environment.NewLine}{peerCheck[..200]}{Environment.NewLine}{ourCheck[..200]}");
        }

        var endToEnd = new Dictionary<string, (double Ours, double Peer)>
        {
            ["execute-100-items + serialize (ours with its document cache)"] = (
                await OpsPerSecondAsync(async () => ExecutionResultSerializer.Serialize(await executor.ExecuteAsync(request))),
                await OpsPerSecondAsync(() => peer.ExecuteAndSerializeAsync(BenchmarkSchema.ItemsQuery))),
            ["execute-100-items + serialize (both parse and validate every request)"] = (
                await OpsPerSecondAsync(async () => ExecutionResultSerializer.Serialize(await uncached.ExecuteAsync(request))),
                await OpsPerSecondAsync(() => peer.ExecuteAndSerializeAsync(BenchmarkSchema.ItemsQuery))),
            ["parse-validate-5kb"] = (ours["parse-validate-5kb"], await OpsPerSecondAsync(() => peer.ParseAndValidateAsync(document))),
        };

        Console.WriteLine($"| workload | LowCode.GraphQL ops/s | GraphQL.NET 8.8.5 ops/s | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, (value, theirs)) in endToEnd)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {value:N0} | {theirs:N0} | {value / theirs:F2}x |"));
        }

        Console.WriteLine();
        var node = RunNode(Warmup, Measure);
        Console.WriteLine($"| workload | LowCode.GraphQL ops/s | graphql-js 16 ops/s | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, value) in ours)
        {
            var theirs = node[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {value:N0} | {theirs:N0} | {value / theirs:F2}x |"));
        }

        return 0;
    }

    private static async Task<double> OpsPerSecondAsync<T>(Func<Task<T>> operation)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Warmup)
        {
            await operation();
        }

        long count = 0;
        clock.Restart();
        while (clock.Elapsed < Measure)
        {
            await operation();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static Dictionary<string, double> RunNode(TimeSpan warmup, TimeSpan measure)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LowCode.sln")))
        {
            root = root.Parent;
        }

        var script = Path.Combine(root?.FullName ?? ".", "bench", "GraphQL.Benchmarks", "node", "execute.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(((int)warmup.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(((int)measure.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(BenchmarkSchema.FiveKilobyteDocument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("node/execute.mjs failed; run npm ci in tests/GraphQL.Tests/js-reference.");
        }

        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(output)!;
    }
}
