using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace LowCode.Engine.Storage;

/// <summary>
/// Creates the context of the configured provider: stores ask for a <see cref="LowCodeDbContext"/> and never learn which
/// database is behind it. Options are built once; a context lives for one unit of work and comes from EF Core's pool
/// (disposing returns it, reset), because setting up a fresh context's services was a measurable share of a step.
/// </summary>
public sealed class LowCodeDbContextFactory : IDbContextFactory<LowCodeDbContext>
{
    private readonly Func<LowCodeDbContext> _create;

    public LowCodeDbContextFactory(DatabaseOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = Configure(new DbContextOptionsBuilder<SqliteLowCodeDbContext>().UseSqlite(options.ConnectionString).AddInterceptors([new SqliteSynchronousInterceptor(), .. options.Interceptors]), loggerFactory).Options;
                var sqlitePool = new PooledDbContextFactory<SqliteLowCodeDbContext>(sqlite);
                _create = sqlitePool.CreateDbContext;
                break;
            case DatabaseProvider.PostgreSQL:
                var postgres = Configure(new DbContextOptionsBuilder<PostgresLowCodeDbContext>().UseNpgsql(options.ConnectionString).AddInterceptors(options.Interceptors), loggerFactory).Options;
                var postgresPool = new PooledDbContextFactory<PostgresLowCodeDbContext>(postgres);
                _create = postgresPool.CreateDbContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }
    }

    public DatabaseOptions Options { get; }

    public LowCodeDbContext CreateDbContext() => _create();

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext =>
        loggerFactory is null ? builder : builder.UseLoggerFactory(loggerFactory);
}
