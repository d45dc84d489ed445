using LowCode.Engine.Seeding;
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
                "Database ({Provider}) at schema version {Version}{Applied}",
                initializer.Options.ProviderName,
                report.SchemaVersion,
                report.Applied.Count > 0 ? $"; applied {string.Join(", ", report.Applied)}" : "; no migration needed");
            if (app.Services.GetRequiredService<IDefinitionChangeNotifier>() is PostgresDefinitionChangeNotifier notifier)
            {
                await notifier.StartAsync().ConfigureAwait(false);
            }
        }
        catch (DatabaseStartupException ex)
        {
            logger.LogCritical("The database is not ready: {Reason}", ex.Message);
            return false;
        }

        if (app.Configuration.GetValue("LowCode:LoadSeedApps", true))
        {
            var folder = app.Configuration["LowCode:SeedDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
            await app.Services.GetRequiredService<SeedLoader>().LoadAsync(folder).ConfigureAwait(false);
        }

        return true;
    }
}
