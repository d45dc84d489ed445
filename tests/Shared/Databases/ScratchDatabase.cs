using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Tests.Databases;

/// <summary>
/// An empty database of its own for one test (or one class fixture) on the given provider: a SQLite file in a temp
/// folder, or a fresh database on the shared <see cref="PostgresServer"/>. Disposing deletes it.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;
    private int _disposed;

    private ScratchDatabase(DatabaseOptions options, string? folder, string? postgresName)
    {
        Options = options;
        _folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>The provider and connection string the product should be given.</summary>
    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public string ConnectionString => Options.ConnectionString;

    /// <summary>The SQLite file (null on PostgreSQL).</summary>
    public string? File => _folder is null ? null : Path.Combine(_folder, "lowcode.db");

    /// <param name="provider">Which database.</param>
    /// <param name="copyOfSqliteFile">On SQLite, start from a copy of this file (a fixture) instead of an empty database.</param>
    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider, string? copyOfSqliteFile = null)
    {
        var id = Guid.NewGuid().ToString("N");
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "lowcode-tests", id);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "lowcode.db");
            if (copyOfSqliteFile is not null)
            {
                System.IO.File.Copy(copyOfSqliteFile, file);
            }

            return new ScratchDatabase(new DatabaseOptions(provider, $"Data Source={file}"), folder, null);
        }

        var server = await PostgresServer.GetAsync();
        var name = "lc_" + id;
        return new ScratchDatabase(new DatabaseOptions(provider, await server.CreateDatabaseAsync(name)), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        if (_postgresName is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_postgresName);
        }
    }
}
