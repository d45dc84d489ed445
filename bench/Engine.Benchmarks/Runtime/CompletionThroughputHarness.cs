using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Telemetry;
using LowCode.Engine.Tasks;
using LowCode.Engine.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LowCode.Engine.Benchmarks.Runtime;

/// <summary>
/// Task completions per second through <see cref="ProcessRuntime"/> with no HTTP: each completion evaluates the
/// pinned form, routes with the seed rule set and commits one transaction. Runs SQLite (WAL) and PostgreSQL in
/// interleaved rounds on fresh databases and prints throughput and p50/p99 latency per round and the medians.
/// </summary>
internal static class CompletionThroughputHarness
{
    private static readonly Principal Employee = new("emma@example.com", ["employee"]);
    private static readonly Principal Manager = new("max@example.com", ["employee"]);

    public static async Task<int> RunAsync(string seedDirectory, string? postgresAdmin, int instances, int workers, int rounds, int warmupRounds = 0)
    {
        Console.WriteLine($"instances per round: {instances} (so {2 * instances} completions), workers: {workers}, rounds: {rounds}, untimed warm-up rounds: {warmupRounds}");
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");

        // A long-running node has compiled its hot paths (tiered JIT with PGO) long before; warm-up rounds run the same
        // work in this process and are left out of the figures, so the timed rounds measure that steady state.
        for (var round = 1; round <= warmupRounds; round++)
        {
            await RoundAsync("sqlite", seedDirectory, null, instances, workers, $"warm-up {round}");
            if (postgresAdmin is not null)
            {
                await RoundAsync("postgresql", seedDirectory, postgresAdmin, instances, workers, $"warm-up {round}");
            }
        }

        var results = new Dictionary<string, List<Result>>(StringComparer.Ordinal) { ["sqlite"] = [], ["postgresql"] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            results["sqlite"].Add(await RoundAsync("sqlite", seedDirectory, null, instances, workers, round.ToString(CultureInfo.InvariantCulture)));
            if (postgresAdmin is not null)
            {
                results["postgresql"].Add(await RoundAsync("postgresql", seedDirectory, postgresAdmin, instances, workers, round.ToString(CultureInfo.InvariantCulture)));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Database | completions/s (median) | p50 ms (median) | p99 ms (median) | CPU ms per completion in this process (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, list) in results.Where(r => r.Value.Count > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(list.Select(r => r.PerSecond)):F0} | {Median(list.Select(r => r.P50)):F2} | {Median(list.Select(r => r.P99)):F2} | {Median(list.Select(r => r.CpuMs)):F2} |"));
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task<Result> RoundAsync(string name, string seedDirectory, string? postgresAdmin, int instances, int workers, string round)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lowcode-bench", Guid.NewGuid().ToString("N"));
        string? database = null;
        DatabaseOptions options;
        if (postgresAdmin is null)
        {
            Directory.CreateDirectory(folder);
            options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
        }
        else
        {
            database = "lowcode_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(postgresAdmin, $"CREATE DATABASE {database}");
            options = new DatabaseOptions(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString) { ListenForChanges = false };
        }

        try
        {
            var clock = TimeProvider.System;
            var contexts = new LowCodeDbContextFactory(options);
            await new DatabaseInitializer(contexts, options, clock).MigrateAsync();
            var store = new EfDefinitionStore(contexts, new DefinitionValidator(new SandboxExpressionChecker(ExpressionCompiler.Default)), clock, new ChannelDefinitionChangeNotifier());
            await new SeedLoader(store, NullLogger<SeedLoader>.Instance).LoadAsync(seedDirectory);
            var expressions = new ExpressionEvaluator();
            var runtime = new ProcessRuntime(
                contexts,
                new FormEvaluator(expressions),
                expressions,
                new RuleSetCache(new RoutingRuleSetCompiler(new SandboxRuleExpressions(expressions, clock))),
                new DefinitionCache(),
                clock,
                new RuntimeOptions(),
                new RuntimeHooks());

            var submitTasks = new List<string>(instances);
            for (var i = 0; i < instances; i++)
            {
                var started = await runtime.StartAsync("expense-approval", null, null, null, Employee);
                submitTasks.Add(started.Value!.CreatedTaskIds[0]);
            }

            var latencies = new List<double>(2 * instances);
            using var commits = new CommitCounter();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            var managerTasks = await CompleteAllAsync(submitTasks, workers, latencies, id => runtime.CompleteTaskAsync(id, Claim(), null, null, Employee));
            await CompleteAllAsync(managerTasks, workers, latencies, id => runtime.CompleteTaskAsync(id, Review(), "approved", null, Manager));
            total.Stop();
            var cpuPerCompletion = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / (2.0 * instances);

            latencies.Sort();

            var result = new Result(latencies.Count / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), cpuPerCompletion);
            var grouping = commits.Commits == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {commits.Steps / (double)commits.Commits:F1} steps per SQLite commit");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {name}: {latencies.Count} completions in {total.Elapsed.TotalSeconds:F2} s = {result.PerSecond:F0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, harness CPU {result.CpuMs:F2} ms per completion{grouping}"));
            runtime.Dispose();
            expressions.Dispose();
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (database is not null)
            {
                await ExecuteAsync(postgresAdmin!, $"DROP DATABASE {database} WITH (FORCE)");
            }
        }
    }

    private static async Task<List<string>> CompleteAllAsync(List<string> taskIds, int workers, List<double> latencies, Func<string, Task<RuntimeResult<StepResult>>> complete)
    {
        var next = -1;
        var created = new List<string>(taskIds.Count);
        var gate = new object();
        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < taskIds.Count)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await complete(taskIds[index]);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"A completion failed: {result.Error!.Kind} {result.Error.Message}");
                }

                lock (gate)
                {
                    latencies.Add(elapsed);
                    created.AddRange(result.Value!.CreatedTaskIds);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));
        return created;
    }

    private static JsonObject Claim() => new()
    {
        ["employee"] = new JsonObject
        {
            ["employeeName"] = "Emma Example",
            ["employeeEmail"] = "emma@example.com",
            ["managerEmail"] = "max@example.com",
            ["department"] = "sales",
            ["costCenter"] = "CC-1234",
        },
        ["currency"] = "EUR",
        ["lines"] = new JsonArray(
            new JsonObject { ["date"] = "2026-02-20", ["category"] = "meals", ["description"] = "Customer dinner", ["amount"] = 30.5 },
            new JsonObject { ["date"] = "2026-02-21", ["category"] = "travel", ["description"] = "Taxi", ["amount"] = 12.0 }),
    };

    private static JsonObject Review() => new() { ["reviewComment"] = "Fine.", ["policyException"] = false };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Result(double PerSecond, double P50, double P99, double CpuMs);

    /// <summary>Counts the SQLite writer's commits and the steps they carried, from the runtime's own metric.</summary>
    private sealed class CommitCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _commits;
        private long _steps;

        public CommitCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LowCodeMetrics.Name && instrument.Name == "lowcode.sqlite.steps_per_commit")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, steps, _, _) =>
            {
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _steps, steps);
            });
            _listener.Start();
        }

        public long Commits => Interlocked.Read(ref _commits);

        public long Steps => Interlocked.Read(ref _steps);

        public void Dispose() => _listener.Dispose();
    }
}
