using System.Diagnostics;
using System.Globalization;
using LowCode.Analytics.Benchmarks;
using LowCode.Engine;
using LowCode.Engine.Analytics;
using LowCode.Engine.Analytics.Facts;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// dotnet run -c Release --project bench/Analytics.Benchmarks -- [events] [rounds] [--metrics-only]     (from the repository root)
// dotnet run -c Release --project bench/Analytics.Benchmarks -- export sqlite|postgresql CONNECTION   (one export, in a process of its own)
if (args.Length == 3 && args[0] == "export")
{
    return await ExportAsync(Enum.Parse<DatabaseProvider>(args[1], ignoreCase: true), args[2]);
}

var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var withConformance = !args.Contains("--metrics-only");
var script = Path.GetFullPath(Path.Combine("tests", "pg-cluster.sh"));
if (!File.Exists(script))
{
    Console.Error.WriteLine("Run from the repository root: tests/pg-cluster.sh starts the PostgreSQL cluster.");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "lowcode-analytics-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var admin = Shell(script, "start", folder + "/pg").Trim();
try
{
    var databases = new Dictionary<DatabaseProvider, DatabaseOptions>
    {
        [DatabaseProvider.Sqlite] = new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "analytics.db")}"),
        [DatabaseProvider.PostgreSQL] = new(DatabaseProvider.PostgreSQL, CreatePostgresDatabase(admin, "analytics")) { ListenForChanges = false },
    };
    foreach (var (provider, options) in databases)
    {
        await using var services = Services(options);
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await services.GetRequiredService<SeedLoader>().LoadAsync("seed");
        var log = new SyntheticLog(events);
        var watch = Stopwatch.StartNew();
        await log.LoadAsync(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: loaded {log.Events:N0} events of {log.Instances:N0} instances in {watch.Elapsed.TotalSeconds:F1} s"));

        // The runtime writes the analytics facts as it appends events; a bulk-loaded log gets them from the same
        // derivation the AnalyticsFacts and ConformanceFacts migrations run for history older than the fact tables.
        watch.Restart();
        await using var db = await services.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        foreach (var statement in AnalyticsFactsBackfill.Statements(provider).Concat(ConformanceFactsBackfill.Statements(provider)).Append("ANALYZE"))
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: derived the analytics facts in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    var window = new AnalyticsWindow("expense-approval", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
    var timings = databases.Keys.ToDictionary(p => p, _ => (Metrics: new List<double>(), Conformance: new List<double>()));
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var (provider, options) in databases)
        {
            // Cold: a fresh process-level state (no pooled connection, no cached plan) and, on PostgreSQL, a restarted
            // server (empty shared buffers). The operating system's file cache stays warm on both.
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (provider == DatabaseProvider.PostgreSQL)
            {
                RestartPostgres(folder + "/pg");
            }

            await using var services = Services(options);
            var analytics = services.GetRequiredService<ProcessAnalytics>();
            var watch = Stopwatch.StartNew();
            var metrics = await analytics.MetricsAsync(window);
            var metricsSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var conformance = withConformance ? await analytics.ConformanceAsync(window) : null;
            var mix = withConformance ? await analytics.RoutingMixAsync("expense-approval", "expense-routing", 2) : null;
            var conformanceSeconds = watch.Elapsed.TotalSeconds;
            timings[provider].Metrics.Add(metricsSeconds);
            timings[provider].Conformance.Add(conformanceSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} {provider,-10} metrics {metricsSeconds:F2} s (started {metrics.Started:N0}, completed {metrics.Completed:N0}, p50 {metrics.CycleTime.P50}, variants {metrics.Variants.Count}) conformance {(conformance is null ? "not run" : $"{conformanceSeconds:F2} s (instances {conformance.Instances:N0}, fitness {conformance.Fitness:F4}, edges {conformance.Edges.Count} taken {conformance.Edges.Sum(e => e.Count):N0}, deviations {conformance.Deviations.Count}, dead {conformance.DeadPaths.Count}, firings {conformance.RuleFirings.Sum(f => f.Fired):N0}; routing mix v2 {mix!.Decisions:N0} vs v1 {mix.PreviousDecisions:N0})")}"));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"| Provider | all metrics, one process, {events:N0} events (median of {rounds} cold rounds) | min | max | conformance + routing mix (median) |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var (provider, (metrics, conformance)) in timings)
    {
        metrics.Sort();
        conformance.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {metrics[metrics.Count / 2]:F2} s | {metrics[0]:F2} s | {metrics[^1]:F2} s | {(withConformance ? $"{conformance[conformance.Count / 2]:F2} s" : "not run")} |"));
    }

    Console.WriteLine();
    Console.WriteLine("| Provider | format | events written | bytes | time | peak working set |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
    foreach (var (provider, options) in databases)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            RestartPostgres(folder + "/pg");
        }

        var self = Environment.ProcessPath!;
        var dll = typeof(SyntheticLog).Assembly.Location;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(dll);
        }

        foreach (var argument in new[] { "export", provider.ToString(), options.ConnectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        Console.Write(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
    }

    return 0;
}
finally
{
    Shell(script, "stop", folder + "/pg");
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<int> ExportAsync(DatabaseProvider provider, string connectionString)
{
    var options = new DatabaseOptions(provider, connectionString) { ListenForChanges = false };
    await using var services = Services(options);
    var export = services.GetRequiredService<EventLogExport>();
    var window = new AnalyticsWindow("expense-approval", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
    using var process = Process.GetCurrentProcess();
    foreach (var format in new[] { ExportFormat.Xes, ExportFormat.Csv })
    {
        var counter = new CountingStream();
        var watch = Stopwatch.StartNew();
        await export.WriteAsync(new ExportRequest(window, format, ["currency", "employee.department"]), counter);
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {format} | {counter.Lines:N0} lines | {counter.Length / 1048576.0:F0} MiB | {watch.Elapsed.TotalSeconds:F1} s | {process.PeakWorkingSet64 / 1048576.0:F0} MiB |"));
    }

    return 0;
}

static ServiceProvider Services(DatabaseOptions options)
{
    var services = new ServiceCollection();
    services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
    services.AddLowCodeEngine(_ => options);
    return services.BuildServiceProvider();
}

static string CreatePostgresDatabase(string admin, string name)
{
    using (var connection = new NpgsqlConnection(admin))
    {
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
    }

    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

static void RestartPostgres(string dir)
{
    var bin = Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Last() + "/bin/pg_ctl";
    var asRoot = Environment.UserName == "root";
    Shell(asRoot ? "runuser" : bin, asRoot ? ["-u", "postgres", "--", bin, "-D", dir + "/data", "-w", "-m", "fast", "restart", "-l", dir + "/server.log"] : ["-D", dir + "/data", "-w", "-m", "fast", "restart", "-l", dir + "/server.log"]);
}

static string Shell(string file, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardOutput = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
}
