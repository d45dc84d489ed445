using LowCode.Api.Identity;
using LowCode.Engine.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using LowCode.Engine.Storage;

namespace LowCode.Api.Hosting;

/// <summary>What runs once before the host accepts requests: migrations, then the seed apps.</summary>
internal static class StartupTasks
{
    /// <summary>Migrates and seeds; false (after logging what to do) when the database cannot be made ready.</summary>
    public static async Task<bool> PrepareDatabaseAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LowCode.Startup");
        try
        {
            var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
            var report = await initializer.MigrateAsync().ConfigureAwait(false);
            logger.LogInformation(
                "Database: {Provider} ({Location}) at schema version {Version}{Applied}",
                initializer.Options.ProviderName,
                Describe(initializer.Options),
                report.SchemaVersion,
                report.Applied.Count > 0 ? $", {report.Applied.Count} migration(s) applied now" : ", up to date");
            if (app.Services.GetRequiredService<IDefinitionChangeNotifier>() is PostgresDefinitionChangeNotifier notifier)
            {
                await notifier.StartAsync().ConfigureAwait(false);
            }

            if (app.Services.GetRequiredService<LowCode.Engine.Changes.IRuntimeChangeNotifier>() is LowCode.Engine.Changes.PostgresRuntimeChangeNotifier runtimeChanges)
            {
                await runtimeChanges.StartAsync().ConfigureAwait(false);
            }

            _ = app.Services.GetRequiredService<ApiKeyStore>().FollowRevocationsAsync(
                app.Services.GetRequiredService<LowCode.Engine.Changes.IRuntimeChangeNotifier>(), app.Lifetime.ApplicationStopping);
        }
        catch (DatabaseStartupException ex)
        {
            logger.LogCritical("The database is not ready: {Reason}", ex.Message);
            return false;
        }

        var (identityReady, newKeys) = await IdentityStartup.PrepareAsync(app, logger).ConfigureAwait(false);
        if (!identityReady)
        {
            return false;
        }

        if (app.Configuration.GetValue("LowCode:LoadSeedApps", true))
        {
            var folder = app.Configuration["LowCode:SeedDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
            await app.Services.GetRequiredService<SeedLoader>().LoadAsync(folder).ConfigureAwait(false);
            await DemoHistoryStartup.RunAsync(app, folder, logger).ConfigureAwait(false);
        }

        app.Lifetime.ApplicationStarted.Register(() => SayWhereToGo(app, logger, newKeys));
        return true;
    }

    /// <summary>Where the database is, without credentials.</summary>
    private static string Describe(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
    }

    private static void SayWhereToGo(WebApplication app, ILogger logger, IReadOnlyList<(string Permission, string Token, ApiPrincipal Principal)> newKeys)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/');
        if (newKeys.Count > 0)
        {
            // One log entry per line: the single-line console format would otherwise fold them into one.
            foreach (var line in IdentityStartup.Describe(newKeys, address ?? "http://localhost:5000").Split(Environment.NewLine))
            {
                logger.LogInformation("{Line}", line);
            }
        }

        if (address is null)
        {
            return;
        }

        logger.LogInformation("Ready: designer at {Address}/, GraphQL at {Address}/graphql, health at {Address}/health", address, address, address);
    }
}
