using System.Data.Common;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Analytics;

/// <summary>
/// The few SQL fragments the providers spell differently; every query is otherwise the same text on both, so both
/// compute the same figures. Durations are whole milliseconds between instants each rounded to the millisecond
/// (SQLite keeps instants to the millisecond, so PostgreSQL is made to round the same way).
/// </summary>
internal sealed class AnalyticsSql(DatabaseProvider provider)
{
    public DatabaseProvider Provider => provider;

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/> (column expressions).</summary>
    public string Millis(string from, string to) => provider == DatabaseProvider.Sqlite
        ? $"CAST(ROUND((unixepoch({to}, 'subsec') - unixepoch({from}, 'subsec')) * 1000.0) AS INTEGER)"
        : $"(CAST(FLOOR(EXTRACT(EPOCH FROM {to}) * 1000 + 0.5) AS BIGINT) - CAST(FLOOR(EXTRACT(EPOCH FROM {from}) * 1000 + 0.5) AS BIGINT))";

    /// <summary>A top-level text property of a JSON text column; <paramref name="property"/> is a literal identifier.</summary>
    public string JsonText(string column, string property) => provider == DatabaseProvider.Sqlite
        ? $"json_extract({column}, '$.{property}')"
        : $"({column}::json ->> '{property}')";

    /// <summary>A top-level integer property of a JSON text column.</summary>
    public string JsonInt(string column, string property) => provider == DatabaseProvider.Sqlite
        ? $"CAST(json_extract({column}, '$.{property}') AS INTEGER)"
        : $"CAST({column}::json ->> '{property}' AS INTEGER)";

    /// <summary>The values of a step key column joined with '&gt;' in the order of <paramref name="orderBy"/>.</summary>
    public string Path(string column, string orderBy) => provider == DatabaseProvider.Sqlite
        ? $"group_concat({column}, '>' ORDER BY {orderBy})"
        : $"string_agg({column}, '>' ORDER BY {orderBy})";

    /// <summary>Byte-order comparison, as SQLite compares by default, so ties sort the same on both providers.</summary>
    public string Binary(string column) => provider == DatabaseProvider.Sqlite ? column : $"{column} COLLATE \"C\"";

    /// <summary>
    /// A table-valued source of the strings of a JSON array property, as rows with one column <c>value</c>
    /// (<paramref name="alias"/> names the source).
    /// </summary>
    public string JsonArrayElements(string column, string property, string alias) => provider == DatabaseProvider.Sqlite
        ? $"json_each({column}, '$.{property}') AS {alias}"
        : $"json_array_elements_text({column}::json -> '{property}') AS {alias}(value)";

    /// <summary>A boolean literal as the provider stores booleans (SQLite: integers).</summary>
    public string True => provider == DatabaseProvider.Sqlite ? "1" : "TRUE";

    public string False => provider == DatabaseProvider.Sqlite ? "0" : "FALSE";

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
