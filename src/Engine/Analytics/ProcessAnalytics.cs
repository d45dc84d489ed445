using System.Data.Common;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Analytics;

/// <summary>
/// Process intelligence over the event log: metrics, conformance against the design, and the log's export. Every figure
/// is computed by the database (one query per group of figures) or in one streaming pass over a query; the log is never
/// loaded into memory. Queries read only the skeleton an erasure keeps (docs/analytics.md lists the columns and payload
/// properties), so erased instances still count.
/// </summary>
public sealed partial class ProcessAnalytics(
    IDbContextFactory<LowCodeDbContext> contexts,
    DatabaseOptions database,
    RuntimeOptions options,
    IDefinitionStore definitions)
{
    /// <summary>
    /// The event log's types for SLA breaches. The boundaries runtime (timers) appends them with the breached step's key;
    /// the rule sets react to the same name (<c>"on": "slaBreached"</c>).
    /// </summary>
    public const string SlaBreached = "slaBreached";

    /// <summary>Events that mark a step as finished: a route decided from it, a split entering its branches, an end reached.</summary>
    internal const string FinishedSteps = "('routeDecided', 'parallelSplit', 'instanceCompleted')";

    private readonly AnalyticsSql _sql = new(database.Provider);

    private TimeZoneInfo Zone => options.TimeZone;

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(connection).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, AnalyticsWindow window)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 300;
        AnalyticsSql.Add(command, "@p", window.ProcessKey);
        AnalyticsSql.Add(command, "@from", window.From.UtcDateTime);
        AnalyticsSql.Add(command, "@to", window.To.UtcDateTime);
        return command;
    }

    private static TimeSpan? Millis(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromMilliseconds(Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));

    private static int Int(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
