using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrate_FromNothing_CreatesEveryTableInWalMode()
    {
        await using var db = TestDatabase.CreateUnmigrated();
        Assert.False(File.Exists(db.File));

        var applied = await db.Initializer.MigrateAsync();

        Assert.NotEmpty(applied);
        await using var connection = new SqliteConnection($"Data Source={db.File}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Superset(new HashSet<string> { "definitions", "instances", "tasks", "events", "timers", "__EFMigrationsHistory" }, tables.ToHashSet());
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        await using var db = await TestDatabase.CreateAsync();

        var second = await db.Initializer.MigrateAsync();

        Assert.Empty(second);
    }

    [Fact]
    public async Task Check_AfterMigration_ReportsHealthyWithSchemaVersion()
    {
        await using var db = await TestDatabase.CreateAsync();

        var health = await db.Initializer.CheckAsync();

        Assert.True(health.Healthy);
        Assert.Equal(0, health.PendingMigrations);
        await using var context = await db.Contexts.CreateDbContextAsync();
        Assert.Equal(context.Database.GetMigrations().Last(), health.SchemaVersion);
    }

    [Fact]
    public async Task Check_BeforeMigration_ReportsPendingMigrationsAsUnhealthy()
    {
        await using var db = TestDatabase.CreateUnmigrated();

        var health = await db.Initializer.CheckAsync();

        Assert.False(health.Healthy);
    }
}
