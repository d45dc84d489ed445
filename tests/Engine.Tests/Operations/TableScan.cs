using System.Data.Common;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Operations;

/// <summary>Reads every text column of every table of the database, to find where a value can still be read back.</summary>
internal static class TableScan
{
    /// <summary>Each (table.column) holding <paramref name="value"/> anywhere in its text.</summary>
    public static async Task<List<string>> FindAsync(IDbContextFactory<LowCodeDbContext> contexts, DatabaseProvider provider, string value)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new List<string>();
        foreach (var (table, column) in await TextColumnsAsync(connection, provider))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @value";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@value";
            parameter.Value = $"%{value}%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }

    private static async Task<List<(string Table, string Column)>> TextColumnsAsync(DbConnection connection, DatabaseProvider provider)
    {
        var columns = new List<(string, string)>();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND (p.type = 'TEXT' OR p.type LIKE '%CHAR%')"
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.NotEmpty(columns);
        return columns;
    }
}
