using System.Diagnostics;
using Npgsql;

namespace LowCode.Tests.Databases;

/// <summary>
/// The PostgreSQL server every test in this process shares, each test in a database of its own. ./test.sh starts a
/// throwaway cluster and passes its connection string in <see cref="EnvironmentVariable"/>; without it (a plain
/// <c>dotnet test</c>) the first PostgreSQL test starts a cluster of its own through tests/pg-cluster.sh and stops it when
/// the process exits. With neither the variable nor the server binaries, PostgreSQL tests fail saying so: never skipped.
/// </summary>
internal sealed class PostgresServer
{
    /// <summary>An admin connection string (a role that may CREATE DATABASE), e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>.</summary>
    public const string EnvironmentVariable = "LOWCODE_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>Connects to the server's <c>postgres</c> database as a role that may create databases.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Instance.Value;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using (var forPool = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString))
        {
            NpgsqlConnection.ClearPool(forPool);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(new NpgsqlConnectionStringBuilder(given) { Database = "postgres" }.ConnectionString);
        }

        var script = FindClusterScript();
        var folder = Path.Combine(Path.GetTempPath(), "lowcode-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (exitCode, output, error) = await RunAsync(script, "start", folder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server. {EnvironmentVariable} is not set and starting a throwaway cluster failed " +
                $"({script} start, exit {exitCode}): {error.Trim()} Run ./test.sh, which installs PostgreSQL and starts one, " +
                $"or set {EnvironmentVariable} to an admin connection string.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAsync(script, "stop", folder).GetAwaiter().GetResult();
        return new PostgresServer(new NpgsqlConnectionStringBuilder(output.Trim()) { Database = "postgres" }.ConnectionString);
    }

    private static string FindClusterScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "pg-cluster.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {EnvironmentVariable} or run ./test.sh (tests/pg-cluster.sh was not found above {AppContext.BaseDirectory}).");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, string command, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
