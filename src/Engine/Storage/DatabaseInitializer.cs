using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Storage;

/// <summary>Brings the database to the latest schema at start-up and reports its health, on either provider.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<LowCodeDbContext> contexts,
    DatabaseOptions options,
    TimeProvider clock,
    ILogger<DatabaseInitializer>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DatabaseInitializer>.Instance;

    public DatabaseOptions Options => options;

    /// <summary>
    /// Applies pending migrations (creating the SQLite file, or the PostgreSQL database, when missing). On SQLite it also
    /// recovers a migration lock left by a killed process and switches the file to WAL.
    /// </summary>
    /// <exception cref="DatabaseStartupException">The database cannot be reached or another process keeps it locked.</exception>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return options.Provider == DatabaseProvider.Sqlite
                ? await MigrateSqliteAsync(cancellationToken).ConfigureAwait(false)
                : await MigrateCoreAsync(staleLockRemoved: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new DatabaseStartupException(
                $"Cannot migrate the {options.ProviderName} database: {ex.Message} Check ConnectionStrings:LowCode and LowCode:Database:Provider (docs/operations.md).",
                ex);
        }
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
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return new DatabaseHealth(false, null, 0, 0, ex.Message);
        }
    }

    private async Task<MigrationReport> MigrateSqliteAsync(CancellationToken cancellationToken)
    {
        await using var guard = await SqliteMigrationGuard.AcquireAsync(options.ConnectionString, options.MigrationWait, clock, cancellationToken).ConfigureAwait(false);
        var staleLockRemoved = false;
        if (guard is not null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            staleLockRemoved = await SqliteMigrationGuard.RemoveStaleLockAsync(db, cancellationToken).ConfigureAwait(false);
            if (staleLockRemoved)
            {
                _logger.LogWarning("Removed a migration lock left by a process that stopped while migrating; migrating again.");
            }
        }

        var report = await MigrateCoreAsync(staleLockRemoved, cancellationToken).ConfigureAwait(false);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            // WAL lets readers and the writer work at the same time; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    private async Task<MigrationReport> MigrateCoreAsync(bool staleLockRemoved, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        return new MigrationReport(pending, applied.LastOrDefault(), staleLockRemoved);
    }
}

/// <summary>The database's state as /health reports it.</summary>
public sealed record DatabaseHealth(bool Healthy, string? SchemaVersion, int PendingMigrations, int Definitions, string? Error);

/// <summary>What <see cref="DatabaseInitializer.MigrateAsync"/> did.</summary>
/// <param name="Applied">The migrations applied now, oldest first; empty when the schema was current.</param>
/// <param name="SchemaVersion">The last migration the database has now.</param>
/// <param name="StaleLockRemoved">Whether a migration lock left by a killed process was removed first (SQLite).</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, string? SchemaVersion, bool StaleLockRemoved);
