using LowCode.Engine.Expressions;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Tests.Storage;

/// <summary>A fresh database per test on the given provider, migrated like the product does it, deleted afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase _scratch;

    private TestDatabase(ScratchDatabase scratch, ManualClock clock)
    {
        _scratch = scratch;
        Clock = clock;
        Options = scratch.Options with { MigrationWait = TimeSpan.Zero };
        Contexts = new LowCodeDbContextFactory(Options);
        Initializer = new DatabaseInitializer(Contexts, Options, clock);
        Notifier = new ChannelDefinitionChangeNotifier();
        Store = new EfDefinitionStore(Contexts, new DefinitionValidator(new SandboxExpressionChecker(ExpressionCompiler.Default)), clock, Notifier);
        Seeds = new SeedLoader(Store, NullLogger<SeedLoader>.Instance);
    }

    public DatabaseProvider Provider => Options.Provider;

    public DatabaseOptions Options { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? File => _scratch.File;

    public ManualClock Clock { get; }

    public IDbContextFactory<LowCodeDbContext> Contexts { get; }

    public DatabaseInitializer Initializer { get; }

    public ChannelDefinitionChangeNotifier Notifier { get; }

    public EfDefinitionStore Store { get; }

    public SeedLoader Seeds { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new TestDatabase(await ScratchDatabase.CreateAsync(provider), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        await database.Initializer.MigrateAsync();
        return database;
    }

    public static async Task<TestDatabase> CreateUnmigratedAsync(DatabaseProvider provider) =>
        new(await ScratchDatabase.CreateAsync(provider), new ManualClock(DateTimeOffset.UnixEpoch));

    /// <summary>A copy of an existing SQLite file (a fixture), not yet migrated.</summary>
    public static async Task<TestDatabase> FromSqliteFileAsync(string file) =>
        new(await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite, file), new ManualClock(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync()
    {
        ((LowCodeDbContextFactory)Contexts).Dispose();
        return _scratch.DisposeAsync();
    }
}

/// <summary>A clock tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
