using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LowCode.Engine.Storage;

/// <summary>
/// Creates the context of the configured provider: stores ask for a <see cref="LowCodeDbContext"/> and never learn which
/// database is behind it. Options are built once; a context is cheap and lives for one unit of work.
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
                var sqlite = Configure(new DbContextOptionsBuilder<SqliteLowCodeDbContext>().UseSqlite(options.ConnectionString).AddInterceptors(new SqliteSynchronousInterceptor()), loggerFactory).Options;
                _create = () => new SqliteLowCodeDbContext(sqlite);
                break;
            case DatabaseProvider.PostgreSQL:
                var postgres = Configure(new DbContextOptionsBuilder<PostgresLowCodeDbContext>().UseNpgsql(options.ConnectionString), loggerFactory).Options;
                _create = () => new PostgresLowCodeDbContext(postgres);
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
