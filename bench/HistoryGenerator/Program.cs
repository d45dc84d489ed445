using System.Diagnostics;
using System.Globalization;
using LowCode.Engine;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.HistoryGenerator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// dotnet run -c Release --project bench/HistoryGenerator -- FILE.db [instances] [days]      (from the repository root)
// Migrates the SQLite file, loads the seed apps and runs the simulation through the runtime.
if (args.Length == 0)
{
    Console.Error.WriteLine("Usage: LowCode.HistoryGenerator FILE.db [instances=2000] [days=90]");
    return 2;
}

var instances = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 90;
var services = new ServiceCollection();
services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
services.AddLowCodeEngine(_ => new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={args[0]}"));
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
await provider.GetRequiredService<SeedLoader>().LoadAsync("seed");
using var history = new DemoHistory(provider);
var watch = Stopwatch.StartNew();
await history.GenerateAsync(instances, DateTimeOffset.UtcNow - TimeSpan.FromDays(days) - DemoHistory.Tail, days, "seed", Console.WriteLine);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{history.Started} instances started, {history.Completions} tasks completed in {watch.Elapsed.TotalSeconds:F0} s"));
return 0;
