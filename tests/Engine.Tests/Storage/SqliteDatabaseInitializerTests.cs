using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Engine.Tests.Storage;

/// <summary>What only the SQLite path does: the file, WAL, and recovery from a migration a killed process left.</summary>
public sealed class SqliteDatabaseInitializerTests
{
    [Fact]
    public async Task Migrate_FromNothing_CreatesTheFileWithEveryTableInWalMode()
    {
        await using var db = await TestDatabase.CreateUnmigratedAsync(DatabaseProvider.Sqlite);
        Assert.False(File.Exists(db.File));

        await db.Initializer.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={db.File}");
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Superset(new HashSet<string> { "definitions", "instances", "tasks", "events", "timers", "__EFMigrationsHistory" }, tables.ToHashSet());
        Assert.Equal(["wal"], await QueryAsync(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_AfterAProcessWasKilledWhileMigrating_RemovesItsLockRowAndCompletes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        // What EF Core leaves when the process dies between taking its migration lock and releasing it.
        await using (var connection = new SqliteConnection($"Data Source={db.File};Pooling=False"))
        {
            await connection.OpenAsync();
            await QueryAsync(connection, "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-03-02 08:59:00+00:00')");
        }

        var report = await db.Initializer.MigrateAsync();

        Assert.True(report.StaleLockRemoved);
        await using var check = new SqliteConnection($"Data Source={db.File};Pooling=False");
        await check.OpenAsync();
        Assert.Equal(["0"], await QueryAsync(check, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.True((await db.Initializer.CheckAsync()).Healthy);
    }

    [Fact]
    public async Task Migrate_WhileAnotherProcessIsMigratingTheFile_RefusesWithWhatToDo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        // The operating-system lock a live migrating process holds (released by the system if that process dies).
        await using (new FileStream(db.File + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var refused = await Assert.ThrowsAsync<DatabaseStartupException>(() => db.Initializer.MigrateAsync());

            Assert.Contains("Another process", refused.Message, StringComparison.Ordinal);
            Assert.Contains(db.File!, refused.Message, StringComparison.Ordinal);
            Assert.Contains("stop the other LowCode process", refused.Message, StringComparison.Ordinal);
        }

        Assert.Empty((await db.Initializer.MigrateAsync()).Applied);
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
