using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LowCode.Engine.Storage;

/// <summary>
/// Creates the context of the configured provider: stores ask for a <see cref="LowCodeDbContext"/> and never learn which
/// database is behind it. Options are built once; a context lives for one unit of work and comes from EF Core's pool
/// (disposing returns it, reset), because setting up a fresh context's services was a measurable share of a step.
/// </summary>
public sealed class LowCodeDbContextFactory : IDbContextFactory<LowCodeDbContext>, IDisposable
{
    private readonly Func<LowCodeDbContext> _create;

    public LowCodeDbContextFactory(DatabaseOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                PreparedReads = new SqlitePreparedReads(options.ConnectionString);
                var sqlite = Configure(new DbContextOptionsBuilder<SqliteLowCodeDbContext>().UseSqlite(options.ConnectionString).AddInterceptors([new SqliteSynchronousInterceptor(), .. options.Interceptors, PreparedReads]), loggerFactory).Options;
                var sqlitePool = new PooledDbContextFactory<SqliteLowCodeDbContext>(sqlite);
                _create = sqlitePool.CreateDbContext;
                break;
            case DatabaseProvider.PostgreSQL:
                var postgres = Configure(new DbContextOptionsBuilder<PostgresLowCodeDbContext>().UseNpgsql(WithAutoPrepare(options.ConnectionString)).AddInterceptors(options.Interceptors), loggerFactory).Options;
                var postgresPool = new PooledDbContextFactory<PostgresLowCodeDbContext>(postgres);
                _create = postgresPool.CreateDbContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    public DatabaseOptions Options { get; }

    /// <summary>Where SQLite's reads outside a transaction run on statements kept prepared; null on PostgreSQL.</summary>
    internal SqlitePreparedReads? PreparedReads { get; }

    public LowCodeDbContext CreateDbContext() => _create();

    /// <summary>Closes the connections SQLite's prepared reads keep open.</summary>
    public void Dispose() => PreparedReads?.Dispose();

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string decides it: a statement run a few times on
    /// a physical connection is prepared on the server and reused from then on, so the runtime's few dozen statement
    /// shapes (a step's queries and <see cref="StepWriter"/>'s per-row-shape SQL) are parsed and planned once per
    /// connection instead of on every step. Prepared statements live on their server connection only, so pooling keeps
    /// them; the limit bounds their memory. An operator behind a transaction-mode pooler, where a statement prepared on
    /// one server connection is missing on the next, sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 128 }.ConnectionString;
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext =>
        loggerFactory is null ? builder : builder.UseLoggerFactory(loggerFactory);
}
