using Microsoft.Data.Sqlite;

namespace LowCode.Api.Hosting;

/// <summary>Makes a relative SQLite file path relative to the content root, not to wherever the process was started.</summary>
internal static class SqliteConnectionStrings
{
    public const string Default = "Data Source=data/lowcode.db";

    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }

        return builder.ToString();
    }
}
