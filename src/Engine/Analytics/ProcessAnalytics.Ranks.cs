using System.Data.Common;

namespace LowCode.Engine.Analytics;

public sealed partial class ProcessAnalytics
{
    /// <summary>
    /// Nearest-rank percentiles per group over the rows <paramref name="from"/> selects (a FROM ... WHERE clause), in two
    /// reads: the count of each group, then the durations in order, keeping only the values at the ranks. The fact
    /// tables' covering indexes deliver both in that order, so nothing is sorted and no duration is held in memory.
    /// ⌈p·n/100⌉ is (p·n + 99) / 100 in integer arithmetic. A row a concurrent write adds between the two reads counts,
    /// and shifts the ranks by at most that row.
    /// </summary>
    private static async Task<Dictionary<string, DurationStats>> RanksAsync(
        DbConnection connection, AnalyticsWindow window, string group, string millis, string from, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = Command(connection, $"SELECT {group}, COUNT(*) {from} GROUP BY {group}", window))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!] = Int(reader, 1);
            }
        }

        var result = new Dictionary<string, DurationStats>(StringComparer.Ordinal);
        await using (var command = Command(connection, $"SELECT {group}, {millis} {from} ORDER BY {group}, {millis}", window))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            string? current = null;
            int n = 0, rank = 0;
            TimeSpan? p50 = null, p90 = null, last = null;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!;
                if (!string.Equals(key, current, StringComparison.Ordinal))
                {
                    if (current is not null)
                    {
                        result[current] = new DurationStats(rank, p50, p90, last);
                    }

                    (current, n, rank, p50, p90) = (key, counts.GetValueOrDefault(key), 0, null, null);
                }

                rank++;
                last = Millis(reader, 1);
                if (rank == ((50 * n) + 99) / 100)
                {
                    p50 = last;
                }

                if (rank == ((90 * n) + 99) / 100)
                {
                    p90 = last;
                }
            }

            if (current is not null)
            {
                result[current] = new DurationStats(rank, p50, p90, last);
            }
        }

        return result;
    }
}
