using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;

namespace LowCode.Api.Hosting;

/// <summary>What runs once before the host accepts requests: migrations, then the seed apps.</summary>
internal static class StartupTasks
{
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LowCode.Startup");
        var applied = await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync().ConfigureAwait(false);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", applied));
        }

        if (app.Configuration.GetValue("LowCode:LoadSeedApps", true))
        {
            var folder = app.Configuration["LowCode:SeedDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seed");
            await app.Services.GetRequiredService<SeedLoader>().LoadAsync(folder).ConfigureAwait(false);
        }
    }
}
