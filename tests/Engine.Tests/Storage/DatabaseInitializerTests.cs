using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class DatabaseInitializerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrate_FromNothing_AppliesEveryMigrationAndReportsTheSchemaVersion()
    {
        await using var db = await TestDatabase.CreateUnmigratedAsync(provider);

        var report = await db.Initializer.MigrateAsync();

        await using var context = await db.Contexts.CreateDbContextAsync();
        Assert.Equal(context.Database.GetMigrations(), report.Applied);
        Assert.Equal(context.Database.GetMigrations().Last(), report.SchemaVersion);
        Assert.False(report.StaleLockRemoved);
        Assert.Equal(0, await context.Definitions.CountAsync());
        Assert.Equal(0, await context.Instances.CountAsync());
        Assert.Equal(0, await context.Tasks.CountAsync());
        Assert.Equal(0, await context.Events.CountAsync());
        Assert.Equal(0, await context.Timers.CountAsync());
    }

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var second = await db.Initializer.MigrateAsync();

        Assert.Empty(second.Applied);
        Assert.NotNull(second.SchemaVersion);
    }

    [Fact]
    public async Task Check_AfterMigration_ReportsHealthyWithSchemaVersion()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var health = await db.Initializer.CheckAsync();

        Assert.True(health.Healthy);
        Assert.Equal(0, health.PendingMigrations);
        await using var context = await db.Contexts.CreateDbContextAsync();
        Assert.Equal(context.Database.GetMigrations().Last(), health.SchemaVersion);
    }

    [Fact]
    public async Task Check_BeforeMigration_ReportsPendingMigrationsAsUnhealthy()
    {
        await using var db = await TestDatabase.CreateUnmigratedAsync(provider);

        var health = await db.Initializer.CheckAsync();

        Assert.False(health.Healthy);
    }

    [Fact]
    public async Task Instants_ComeBackAsUtc_AndSortAndFilterInSql()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var early = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        await using (var write = await db.Contexts.CreateDbContextAsync())
        {
            write.Events.AddRange(
                new() { Type = "late", Payload = "{}", OccurredAt = early.AddHours(2) },
                new() { Type = "early", Payload = "{}", OccurredAt = early },
                new() { Type = "middle", Payload = "{}", OccurredAt = early.AddHours(1) });
            await write.SaveChangesAsync();
        }

        await using var read = await db.Contexts.CreateDbContextAsync();
        var after = early.AddMinutes(30);
        var events = await read.Events.Where(e => e.OccurredAt > after).OrderBy(e => e.OccurredAt).ToListAsync();

        Assert.Equal(["middle", "late"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.OccurredAt.Kind));
        Assert.Equal(early.AddHours(1), events[0].OccurredAt);
    }
}

public sealed class DatabaseInitializerTestsOnSqlite() : DatabaseInitializerTests(DatabaseProvider.Sqlite);

public sealed class DatabaseInitializerTestsOnPostgreSQL() : DatabaseInitializerTests(DatabaseProvider.PostgreSQL);
