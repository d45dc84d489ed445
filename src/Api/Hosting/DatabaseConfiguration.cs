using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Api.Hosting;

/// <summary>
/// Reads <c>LowCode:Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and
/// <c>ConnectionStrings:LowCode</c>. A relative SQLite file is made relative to the content root, not to wherever the
/// process was started.
/// </summary>
internal static class DatabaseConfiguration
{
    public const string DefaultSqlite = "Data Source=data/lowcode.db";

    public static DatabaseOptions Read(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["LowCode:Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new DatabaseStartupException(
                $"LowCode:Database:Provider is '{providerText}'; use 'Sqlite' (the default, a local file) or 'PostgreSQL' (a server, for several Api nodes).");
        }

        var configured = configuration.GetConnectionString("LowCode");
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => ResolveSqlite(configured, contentRoot),
            _ => string.IsNullOrWhiteSpace(configured)
                ? throw new DatabaseStartupException(
                    "LowCode:Database:Provider is PostgreSQL but ConnectionStrings:LowCode is empty; set it, e.g. " +
                    "ConnectionStrings__LowCode=\"Host=db.example.com;Database=lowcode;Username=lowcode;Password=...\" (docs/operations.md).")
                : configured,
        };
        return new DatabaseOptions(provider, connectionString)
        {
            ListenForChanges = configuration.GetValue("LowCode:Database:ListenForChanges", true),
            MigrationWait = TimeSpan.FromSeconds(configuration.GetValue("LowCode:Database:MigrationWaitSeconds", 30)),
        };
    }

    public static string ResolveSqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }

        return builder.ToString();
    }
}
