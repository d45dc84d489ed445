using LowCode.Engine.Expressions;
using LowCode.Engine.Routing;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Engine;

/// <summary>Registers the engine: storage on SQLite with change notifications, validation (with the expression sandbox), routing, seeding.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="connectionString">
    /// Gives the SQLite connection string, e.g. <c>Data Source=data/lowcode.db</c>; read when the container is built,
    /// so test hosts can change configuration after the app registered its services.
    /// </param>
    public static IServiceCollection AddLowCodeEngine(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddDbContextFactory<LowCodeDbContext>((sp, options) => options.UseSqlite(connectionString(sp)), ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ExpressionEvaluator(ExpressionLimits.Default, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Expressions.IExpressionEvaluator>(sp => sp.GetRequiredService<ExpressionEvaluator>());
        services.AddSingleton<IExpressionSyntaxChecker>(sp => new SandboxExpressionChecker(sp.GetRequiredService<ExpressionEvaluator>().Compiler));
        services.AddSingleton(sp => new DefinitionValidator(sp.GetRequiredService<IExpressionSyntaxChecker>()));
        services.AddSingleton<SandboxRuleExpressions>();
        services.AddSingleton<RoutingRuleSetCompiler>();
        services.AddSingleton<IDefinitionChangeNotifier>(_ => new ChannelDefinitionChangeNotifier());
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SeedLoader>();
        return services;
    }
}
