using LowCode.Engine.Storage;
using LowCode.HistoryGenerator;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Api.Hosting;

/// <summary>
/// <c>--demo-history</c> (or <c>LowCode:DemoHistory=true</c>): on a first start (no instance in the database yet), runs the
/// history generator (bench/HistoryGenerator) through the runtime before the Api serves, so the analytics have months
/// of seed-app work to show. <c>LowCode:DemoHistoryInstances</c> sets the size (1,000 by default).
/// </summary>
internal static class DemoHistoryStartup
{
    public const string Switch = "--demo-history";

    /// <summary>Turns the bare command-line switch into configuration.</summary>
    public static string[] Arguments(string[] args) =>
        args.Contains(Switch, StringComparer.Ordinal) ? [.. args.Where(a => a != Switch), "--LowCode:DemoHistory=true"] : args;

    public static async Task RunAsync(WebApplication app, string seedDirectory, ILogger logger)
    {
        if (!app.Configuration.GetValue("LowCode:DemoHistory", false))
        {
            return;
        }

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync().ConfigureAwait(false))
        {
            if (await db.Instances.AnyAsync().ConfigureAwait(false))
            {
                logger.LogInformation("Demo history: the database already has instances; nothing generated.");
                return;
            }
        }

        var instances = app.Configuration.GetValue("LowCode:DemoHistoryInstances", 1000);
        logger.LogInformation("Demo history: generating {Instances} instances over 90 days through the runtime; this takes a few minutes.", instances);
        using var history = new DemoHistory(app.Services);
        await history.GenerateAsync(instances, DateTimeOffset.UtcNow - TimeSpan.FromDays(90) - DemoHistory.Tail, 90, seedDirectory, message => logger.LogInformation("{Progress}", message)).ConfigureAwait(false);
        logger.LogInformation("Demo history: {Started} instances started, {Completions} tasks completed.", history.Started, history.Completions);
    }
}
