using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>Brings the database to the latest schema at start-up and reports its health.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<LowCodeDbContext> contexts)
{
    /// <summary>Creates the database file if needed, applies pending migrations, and switches SQLite to WAL.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // WAL lets readers and the writer work at the same time; the mode is stored in the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        return pending;
    }

    /// <summary>What /health reports: whether the database answers, and its schema version.</summary>
    public async Task<DatabaseHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            var definitions = await db.Definitions.CountAsync(cancellationToken).ConfigureAwait(false);
            return new DatabaseHealth(pending.Count == 0, applied.LastOrDefault(), pending.Count, definitions, null);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            return new DatabaseHealth(false, null, 0, 0, ex.Message);
        }
    }
}

/// <summary>The database's state as /health reports it.</summary>
public sealed record DatabaseHealth(bool Healthy, string? SchemaVersion, int PendingMigrations, int Definitions, string? Error);
