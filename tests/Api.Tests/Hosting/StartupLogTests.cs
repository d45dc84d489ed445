using LowCode.Engine.Storage;
using LowCode.Tests.Databases;

namespace LowCode.Api.Tests.Hosting;

/// <summary>
/// What a person sees when the product starts: one line per start-up phase, no SQL, under 30 lines until it is ready.
/// Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.
/// </summary>
public abstract class StartupLogTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task FirstStart_SaysEachPhaseOnOneLine_WithoutSqlAndInUnder30Lines()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var database = await ScratchDatabase.CreateAsync(provider);

        await using var api = await StartAsync(database, [], cts.Token);

        var lines = api.Lines;
        Assert.True(lines.Count < 30, $"{lines.Count} lines:\n{api.Output}");
        Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains($"Database: {database.Options.ProviderName}", StringComparison.Ordinal) && l.Contains("schema version 2", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Seed apps: 14 definitions published", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Now listening on: " + api.Address.ToString().TrimEnd('/'), StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("GraphQL at " + api.Address + "graphql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SqlCommandLogging_SwitchedOnInConfiguration_LogsEachCommand()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var database = await ScratchDatabase.CreateAsync(provider);

        await using var api = await StartAsync(database, new() { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" }, cts.Token);

        Assert.Contains(api.Lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    private static async Task<ApiProcess> StartAsync(ScratchDatabase database, Dictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(extra)
        {
            ["LowCode:Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:LowCode"] = database.ConnectionString,
        };
        var api = await ApiProcess.StartAsync(settings, cancellationToken);
        await api.WaitForLineAsync(l => l.Contains("Ready: designer at", StringComparison.Ordinal), cancellationToken);
        return api;
    }
}

public sealed class StartupLogTestsOnSqlite() : StartupLogTests(DatabaseProvider.Sqlite);

public sealed class StartupLogTestsOnPostgreSQL() : StartupLogTests(DatabaseProvider.PostgreSQL);
