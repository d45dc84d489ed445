using LowCode.Engine.Analytics;
using LowCode.Engine.Changes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Operations;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Seeding;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LowCode.Engine;

/// <summary>Registers the engine: storage (SQLite or PostgreSQL) with change notifications, validation (with the expression sandbox), form evaluation, routing, the process runtime, seeding.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="database">
    /// Gives the provider and connection string; read when the container is built, so test hosts can change
    /// configuration after the app registered its services.
    /// </param>
    public static IServiceCollection AddLowCodeEngine(this IServiceCollection services, Func<IServiceProvider, DatabaseOptions> database)
    {
        services.AddSingleton(database);
        services.AddSingleton<IDbContextFactory<LowCodeDbContext>>(sp =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            return new LowCodeDbContextFactory(options with { Interceptors = [.. options.Interceptors, sp.GetRequiredService<RuntimeChangeInterceptor>()] }, sp.GetService<ILoggerFactory>());
        });
        services.AddSingleton<IRuntimeChangeNotifier>(sp => sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.PostgreSQL
            ? ActivatorUtilities.CreateInstance<PostgresRuntimeChangeNotifier>(sp)
            : new ChannelRuntimeChangeNotifier());
        services.AddSingleton<RuntimeChangeInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ExpressionEvaluator(ExpressionLimits.Default, sp.GetRequiredService<TimeProvider>()));
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
        services.TryAddSingleton<Tasks.ExternalLinkOptions>();
        services.TryAddSingleton<Tasks.IExternalLinkDelivery, Tasks.OutboxLinkDelivery>();
        services.TryAddSingleton<Files.FileStorageOptions>();
        services.AddSingleton<Files.FileStore>();
        services.AddSingleton<ProcessRuntime>();
        services.AddLowCodeOperations();
        services.AddLowCodeBoundaries();
        services.AddSingleton<ProcessAnalytics>();
        services.AddSingleton<EventLogExport>();
        services.AddSingleton<IDefinitionChangeNotifier>(sp => sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.PostgreSQL
            ? ActivatorUtilities.CreateInstance<PostgresDefinitionChangeNotifier>(sp)
            : new ChannelDefinitionChangeNotifier());
        services.AddSingleton<CompiledRuleSetCache>();
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SeedLoader>();
        return services;
    }
}
