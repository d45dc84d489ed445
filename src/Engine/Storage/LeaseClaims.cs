using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// Claims due rows for one poller with a lease, in one statement, so several pollers (or nodes) never hold the same
/// row: on PostgreSQL the candidates are locked with <c>FOR UPDATE SKIP LOCKED</c> (a row another poller is claiming is
/// skipped, not waited for); SQLite has one writer at a time, so its <c>UPDATE … RETURNING</c> is atomic as it stands.
/// A row whose lease ran out (its poller died) is claimable again.
/// </summary>
internal static class LeaseClaims
{
    public static async Task<IReadOnlyList<string>> ClaimAsync(
        LowCodeDbContext db,
        string table,
        string dueColumn,
        string pendingCondition,
        string owner,
        DateTime now,
        DateTime leaseUntil,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var postgres = db is PostgresLowCodeDbContext;
        var sql = $"""
            UPDATE "{table}" SET "LeaseOwner" = @owner, "LeaseUntil" = @until
            WHERE "Id" IN (
                SELECT "Id" FROM "{table}"
                WHERE {pendingCondition} AND "{dueColumn}" <= @now AND ("LeaseUntil" IS NULL OR "LeaseUntil" < @now)
                ORDER BY "{dueColumn}"
                LIMIT @batch{(postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty)})
            RETURNING "Id"
            """;
        var ids = new List<string>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@owner", owner);
            Add(command, "@until", leaseUntil);
            Add(command, "@now", now);
            Add(command, "@batch", batchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }

        return ids;
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is DateTime instant && command.Connection is Microsoft.Data.Sqlite.SqliteConnection
            ? instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
            : value;
        command.Parameters.Add(parameter);
    }
}
