using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Engine;

/// <summary>Registers the engine: storage on SQLite, validation, seeding.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="connectionString">A SQLite connection string, e.g. <c>Data Source=data/lowcode.db</c>.</param>
    public static IServiceCollection AddLowCodeEngine(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<LowCodeDbContext>(options => options.UseSqlite(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DefinitionValidator(sp.GetService<IExpressionSyntaxChecker>()));
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SeedLoader>();
        return services;
    }
}
