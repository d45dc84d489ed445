using LowCode.Engine.Expressions;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Tests.Storage;

/// <summary>A fresh SQLite file per test, migrated like the product does it, deleted afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lowcode-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase(ManualClock clock, string? copyOf = null)
    {
        Directory.CreateDirectory(_folder);
        if (copyOf is not null)
        {
            System.IO.File.Copy(copyOf, Path.Combine(_folder, "lowcode.db"));
        }

        File = Path.Combine(_folder, "lowcode.db");
        Clock = clock;
        Contexts = new Factory(new DbContextOptionsBuilder<LowCodeDbContext>().UseSqlite($"Data Source={File}").Options);
        Initializer = new DatabaseInitializer(Contexts);
        Notifier = new ChannelDefinitionChangeNotifier();
        Store = new EfDefinitionStore(Contexts, new DefinitionValidator(new SandboxExpressionChecker(ExpressionCompiler.Default)), clock, Notifier);
        Seeds = new SeedLoader(Store, NullLogger<SeedLoader>.Instance);
    }

    public string File { get; }

    public ManualClock Clock { get; }

    public IDbContextFactory<LowCodeDbContext> Contexts { get; }

    public DatabaseInitializer Initializer { get; }

    public ChannelDefinitionChangeNotifier Notifier { get; }

    public EfDefinitionStore Store { get; }

    public SeedLoader Seeds { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        await database.Initializer.MigrateAsync();
        return database;
    }

    public static TestDatabase CreateUnmigrated() => new(new ManualClock(DateTimeOffset.UnixEpoch));

    /// <summary>A copy of an existing database file (a fixture), not yet migrated.</summary>
    public static TestDatabase FromFile(string file) => new(new ManualClock(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero)), file);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Factory(DbContextOptions<LowCodeDbContext> options) : IDbContextFactory<LowCodeDbContext>
    {
        public LowCodeDbContext CreateDbContext() => new(options);
    }
}

/// <summary>A clock tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
