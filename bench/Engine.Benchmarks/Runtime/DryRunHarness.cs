using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using LowCode.Engine.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LowCode.Engine.Benchmarks.Runtime;

/// <summary>
/// A dry run of a rule change over recorded history: <see cref="RuleSetDryRun"/> replays the last N routing decisions
/// of the expense process against the seed rule set with its threshold lowered to 500. The history is real decisions
/// recorded by <see cref="ProcessRuntime"/> (claims of varied amounts), repeated in the event log up to N rows.
/// SQLite and PostgreSQL are prepared once, then measured in interleaved rounds; prints wall and CPU time per round and
/// the medians.
/// </summary>
internal static class DryRunHarness
{
    private const int RecordedInstances = 100;

    private static readonly Principal Employee = new("emma@example.com", ["employee"]);
    private static readonly Principal Manager = new("max@example.com", ["employee"]);

    public static async Task<int> RunAsync(string seedDirectory, string? postgresAdmin, int decisions, int rounds)
    {
        Console.WriteLine($"decisions replayed per run: {decisions}, rounds: {rounds}");
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        var candidate = File.ReadAllText(Path.Combine(seedDirectory, "expense-approval", "expense-routing.ruleset.json"))
            .Replace("\"value\": 1000", "\"value\": 500", StringComparison.Ordinal);
        var databases = new List<Database> { await Database.CreateAsync("sqlite", seedDirectory, null, decisions) };
        if (postgresAdmin is not null)
        {
            databases.Add(await Database.CreateAsync("postgresql", seedDirectory, postgresAdmin, decisions));
        }

        try
        {
            var results = databases.ToDictionary(d => d.Name, _ => new List<(double WallMs, double CpuMs)>(), StringComparer.Ordinal);
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var database in databases)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    var report = await database.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", Last: decisions, RuleSetJson: candidate));
                    wall.Stop();
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    if (!report.Succeeded || report.Replayed != decisions)
                    {
                        throw new InvalidOperationException($"The dry run did not replay {decisions} decisions: {report.Replayed} replayed, problems: {string.Join("; ", report.Problems)}");
                    }

                    // Round 0 warms the JIT, the compiled candidate's expressions and the database caches; it is not counted.
                    var label = round == 0 ? "warm-up" : $"round {round}";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} {database.Name}: {report.Replayed} replayed, {report.Changed} changed in {wall.Elapsed.TotalMilliseconds:F0} ms wall, {cpuMs:F0} ms CPU = {report.Replayed / wall.Elapsed.TotalSeconds:F0} decisions/s"));
                    if (round > 0)
                    {
                        results[database.Name].Add((wall.Elapsed.TotalMilliseconds, cpuMs));
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("| Database | decisions | wall ms (median) | CPU ms (median) | decisions/s (median wall) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (name, list) in results)
            {
                var wall = Median(list.Select(r => r.WallMs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {decisions} | {wall:F0} | {Median(list.Select(r => r.CpuMs)):F0} | {decisions / wall * 1000:F0} |"));
            }

            Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
            return 0;
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class Database : IAsyncDisposable
    {
        private readonly string _folder;
        private readonly string? _postgresAdmin;
        private readonly string? _postgresDatabase;

        private Database(string name, string folder, string? postgresAdmin, string? postgresDatabase, RuleSetDryRun dryRun)
        {
            Name = name;
            _folder = folder;
            _postgresAdmin = postgresAdmin;
            _postgresDatabase = postgresDatabase;
            DryRun = dryRun;
        }

        public string Name { get; }

        public RuleSetDryRun DryRun { get; }

        public static async Task<Database> CreateAsync(string name, string seedDirectory, string? postgresAdmin, int decisions)
        {
            var folder = Path.Combine(Path.GetTempPath(), "lowcode-bench", Guid.NewGuid().ToString("N"));
            string? postgresDatabase = null;
            DatabaseOptions options;
            if (postgresAdmin is null)
            {
                Directory.CreateDirectory(folder);
                options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
            }
            else
            {
                postgresDatabase = "lowcode_bench_" + Guid.NewGuid().ToString("N")[..12];
                await ExecuteAsync(postgresAdmin, $"CREATE DATABASE {postgresDatabase}");
                options = new DatabaseOptions(DatabaseProvider.PostgreSQL, new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase }.ConnectionString) { ListenForChanges = false };
            }

            var clock = TimeProvider.System;
            var contexts = new LowCodeDbContextFactory(options);
            await new DatabaseInitializer(contexts, options, clock).MigrateAsync();
            var store = new EfDefinitionStore(contexts, new DefinitionValidator(new SandboxExpressionChecker(ExpressionCompiler.Default)), clock, new ChannelDefinitionChangeNotifier());
            await new SeedLoader(store, NullLogger<SeedLoader>.Instance).LoadAsync(seedDirectory);
            var expressions = new ExpressionEvaluator();
            using var runtime = new ProcessRuntime(
                contexts,
                new FormEvaluator(expressions),
                expressions,
                new RuleSetCache(new RoutingRuleSetCompiler(new SandboxRuleExpressions(expressions, clock))),
                new DefinitionCache(),
                clock,
                new RuntimeOptions(),
                new RuntimeHooks());
            await RecordAsync(runtime);
            await RepeatDecisionsAsync(contexts, decisions);
            Console.WriteLine($"{name}: {RecordedInstances} instances recorded through the runtime, decisions repeated to {decisions}");
            return new Database(name, folder, postgresAdmin, postgresDatabase, new RuleSetDryRun(contexts, expressions));
        }

        public async ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }

            if (_postgresDatabase is not null)
            {
                await ExecuteAsync(_postgresAdmin!, $"DROP DATABASE {_postgresDatabase} WITH (FORCE)");
            }
        }

        private static async Task RecordAsync(ProcessRuntime runtime)
        {
            for (var i = 0; i < RecordedInstances; i++)
            {
                var started = await runtime.StartAsync("expense-approval", null, null, null, Employee);
                var submitted = await runtime.CompleteTaskAsync(started.Value!.CreatedTaskIds[0], Claim(40 + (i * 37 % 1500)), null, null, Employee);
                var approved = await runtime.CompleteTaskAsync(submitted.Value!.CreatedTaskIds[0], new JsonObject { ["reviewComment"] = "Fine." }, "approved", null, Manager);
                if (!approved.Succeeded)
                {
                    throw new InvalidOperationException($"Recording the history failed: {approved.Error!.Message}");
                }
            }
        }

        /// <summary>Appends copies of the recorded decisions (same instances, facts and payloads) until there are <paramref name="decisions"/>.</summary>
        private static async Task RepeatDecisionsAsync(IDbContextFactory<LowCodeDbContext> contexts, int decisions)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var recorded = await db.Events.AsNoTracking().Where(e => e.Type == EventTypes.RouteDecided).OrderBy(e => e.Id).ToListAsync();
            var count = recorded.Count;
            while (count < decisions)
            {
                var batch = recorded.Take(Math.Min(recorded.Count, decisions - count)).Select(e => new EventRecord
                {
                    Type = e.Type,
                    InstanceId = e.InstanceId,
                    StepKey = e.StepKey,
                    Actor = e.Actor,
                    Payload = e.Payload,
                    OccurredAt = e.OccurredAt,
                }).ToList();
                db.Events.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                count += batch.Count;
            }
        }
    }

    private static JsonObject Claim(double amount)
    {
        var claim = new JsonObject
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
            ["lines"] = new JsonArray(new JsonObject { ["date"] = "2026-02-20", ["category"] = "meals", ["description"] = "Customer dinner", ["amount"] = amount }),
            ["receipts"] = new JsonArray(new JsonObject { ["name"] = "receipt.pdf", ["contentType"] = "application/pdf", ["size"] = 2048 }),
        };
        if (amount > 1000)
        {
            claim["justification"] = "A customer workshop with the whole buying team.";
        }

        return claim;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
