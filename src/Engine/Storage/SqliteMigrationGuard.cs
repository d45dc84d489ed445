using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// Makes a SQLite migration safe to interrupt. EF Core marks a migration in progress with a row in
/// <c>__EFMigrationsLock</c>, and a process killed while migrating leaves that row behind: the next start then waits for
/// it for ever. Migrating under an operating-system lock on <c>&lt;file&gt;.migrating</c>, which dies with its process,
/// tells the two apart: whoever holds the file lock knows no live process is migrating, so a lock row it finds was left
/// by a dead one and is removed.
/// </summary>
internal sealed class SqliteMigrationGuard : IAsyncDisposable
{
    private const string LockTable = "__EFMigrationsLock";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _lock;

    private SqliteMigrationGuard(FileStream fileLock) => _lock = fileLock;

    /// <summary>Takes the lock for <paramref name="connectionString"/>'s file, or returns null for an in-memory database.</summary>
    public static async Task<SqliteMigrationGuard?> AcquireAsync(string connectionString, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var lockPath = path + ".migrating";
        var started = clock.GetTimestamp();
        while (true)
        {
            try
            {
                return new SqliteMigrationGuard(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (clock.GetElapsedTime(started) < wait)
            {
                await Task.Delay(RetryDelay, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new DatabaseStartupException(
                    $"Another process has been migrating the database {path} for over {wait.TotalSeconds:0} s (it holds {lockPath}). " +
                    "Wait for it to finish, or stop the other LowCode process using this file, then start again.",
                    ex);
            }
        }
    }

    /// <summary>Removes the migration lock row a killed process left behind; true when there was one.</summary>
    public static async Task<bool> RemoveStaleLockAsync(LowCodeDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }

            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{LockTable}\"";
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await _lock.DisposeAsync().ConfigureAwait(false);
}
