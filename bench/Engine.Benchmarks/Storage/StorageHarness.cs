using System.Diagnostics;
using System.Globalization;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCode.Engine.Benchmarks.Storage;

/// <summary>
/// Definition save + publish per second through <see cref="EfDefinitionStore"/>, on SQLite and on PostgreSQL in the same
/// run: rounds alternate between the two, each round on a fresh, migrated database, and the median round is reported.
/// PostgreSQL is a throwaway local cluster started with fsync on (tests/pg-cluster.sh ... durable), SQLite a WAL file
/// with its default synchronous mode, so both pay for durable commits.
/// </summary>
internal static class StorageHarness
{
    private const int Keys = 10;

    public static int Run(int rounds, int pairsPerRound)
    {
        var script = Path.GetFullPath(Path.Combine("tests", "pg-cluster.sh"));
        if (!File.Exists(script))
        {
            Console.Error.WriteLine("Run from the repository root: tests/pg-cluster.sh starts the PostgreSQL cluster.");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "lowcode-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var admin = Shell(script, "start", folder + "/pg", "durable").Trim();
        try
        {
            var results = new Dictionary<DatabaseProvider, List<double>> { [DatabaseProvider.Sqlite] = [], [DatabaseProvider.PostgreSQL] = [] };
            Measure(DatabaseProvider.Sqlite, folder, admin, 0, Math.Min(50, pairsPerRound));
            Measure(DatabaseProvider.PostgreSQL, folder, admin, 0, Math.Min(50, pairsPerRound));
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var provider in results.Keys)
                {
                    var perSecond = Measure(provider, folder, admin, round, pairsPerRound);
                    results[provider].Add(perSecond);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {provider,-10} {perSecond,8:F1} save+publish/s"));
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| Provider | save + publish per second (median of {rounds} rounds, {pairsPerRound} pairs each) | min | max |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            foreach (var (provider, values) in results)
            {
                values.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {values[values.Count / 2]:F0} | {values[0]:F0} | {values[^1]:F0} |"));
            }

            return 0;
        }
        finally
        {
            Shell(script, "stop", folder + "/pg");
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Measure(DatabaseProvider provider, string folder, string admin, int round, int pairs)
    {
        var options = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions(provider, $"Data Source={Path.Combine(folder, $"round{round}.db")}")
            : new DatabaseOptions(provider, CreatePostgresDatabase(admin, $"bench_{round}"));
        var contexts = new LowCodeDbContextFactory(options);
        new DatabaseInitializer(contexts, options, TimeProvider.System).MigrateAsync().GetAwaiter().GetResult();
        var store = new EfDefinitionStore(contexts, new DefinitionValidator(new SandboxExpressionChecker(ExpressionCompiler.Default)), TimeProvider.System, new ChannelDefinitionChangeNotifier());

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            var key = $"form-{i % Keys}";
            var draft = store.SaveDraftAsync(DefinitionKind.Form, Form(key, i), null, "bench").GetAwaiter().GetResult();
            var published = store.PublishAsync(DefinitionKind.Form, key, draft.Value?.ETag, "bench").GetAwaiter().GetResult();
            if (!draft.Succeeded || !published.Succeeded)
            {
                throw new InvalidOperationException((draft.Error ?? published.Error)!.Message);
            }
        }

        return pairs / watch.Elapsed.TotalSeconds;
    }

    private static string CreatePostgresDatabase(string admin, string name)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection))
        {
            drop.ExecuteNonQuery();
        }

        using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
        {
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static string Form(string key, int revision) => $$"""
        {
          "key": "{{key}}",
          "name": "Benchmark form {{revision}}",
          "fields": [
            { "key": "amount", "type": "number", "label": "Amount", "required": true, "min": 0 },
            { "key": "region", "type": "select", "options": [ { "value": "EU" }, { "value": "US" } ] },
            { "key": "note", "type": "textarea", "visibleWhen": "amount > 1000 && region === 'EU'" }
          ]
        }
        """;

    private static string Shell(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }

        return output;
    }
}
