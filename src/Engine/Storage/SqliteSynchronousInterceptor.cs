using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCode.Engine.Storage;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection. With the WAL journal this is SQLite's recommended
/// pairing: a commit is durable once it is in the WAL file, so it survives the process being killed (kill -9, a
/// crash); an operating-system crash or power cut may lose the last commits before the next checkpoint, but never
/// corrupts the database. <c>FULL</c> would also fsync the WAL on every commit, which costs most of a step's time.
/// </summary>
/// <remarks>
/// The setting belongs to the physical connection, which the pool keeps open across the many logical opens of a
/// step's context: it is set once per physical connection, not on every open.
/// </remarks>
internal sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    internal const string Pragma = "PRAGMA synchronous=NORMAL;";

    private static readonly ConditionalWeakTable<object, object> Set = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragma;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsNew(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is not SqliteConnection { Handle: { } handle } || Set.TryAdd(handle, Done);
    }
}
