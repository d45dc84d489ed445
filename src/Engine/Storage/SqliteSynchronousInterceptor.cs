using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCode.Engine.Storage;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection. With the WAL journal this is SQLite's recommended
/// pairing: a commit is durable once it is in the WAL file, so it survives the process being killed (kill -9, a
/// crash); an operating-system crash or power cut may lose the last commits before the next checkpoint, but never
/// corrupts the database. <c>FULL</c> would also fsync the WAL on every commit, which costs most of a step's time.
/// </summary>
internal sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
