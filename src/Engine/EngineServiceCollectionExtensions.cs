using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCode.Engine;

/// <summary>Registers the engine: storage on SQLite with change notifications, validation (with the expression sandbox), form evaluation, routing, seeding.</summary>
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
        services.AddSingleton(_ => new ExpressionEvaluator());
        services.AddSingleton<Expressions.IExpressionEvaluator>(sp => sp.GetRequiredService<ExpressionEvaluator>());
        services.AddSingleton<IExpressionSyntaxChecker>(sp => new SandboxExpressionChecker(sp.GetRequiredService<ExpressionEvaluator>().Compiler));
        services.AddSingleton(sp => new DefinitionValidator(sp.GetRequiredService<IExpressionSyntaxChecker>()));
        services.AddSingleton(sp => new FormEvaluator(sp.GetRequiredService<Expressions.IExpressionEvaluator>()));
        services.AddSingleton<SandboxRuleExpressions>();
        services.AddSingleton<RoutingRuleSetCompiler>();
        services.AddSingleton<RuleSetCache>();
        services.AddSingleton<DefinitionCache>();
        services.TryAddSingleton<RuntimeOptions>();
        services.TryAddSingleton<RuntimeHooks>();
        services.AddSingleton<ProcessRuntime>();
        services.AddSingleton<IDefinitionChangeNotifier>(_ => new ChannelDefinitionChangeNotifier());
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SeedLoader>();
        return services;
    }
}
