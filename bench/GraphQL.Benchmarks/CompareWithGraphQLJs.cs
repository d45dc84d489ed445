using System.Diagnostics;
using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Validation;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- compare</c>: measures ops/s of the same workloads here and in graphql-js 16 on Node
/// (node/execute.mjs) one after the other in the same run, and prints both and the ratio.
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
