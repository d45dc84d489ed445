using LowCode.Engine.Operations.Diff;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Operations.Erasure;
using LowCode.Engine.Operations.LiveRules;
using LowCode.Engine.Operations.Migration;
using LowCode.Engine.Operations.Repair;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCode.Engine.Operations;

/// <summary>Registers the operations over running and ended instances: dry run, live rule publish, diff, migration, repair, erasure and retention.</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddLowCodeOperations(this IServiceCollection services)
    {
        services.AddSingleton<RuleSetDryRun>();
        services.AddSingleton<LiveRuleSets>();
        services.AddSingleton<DefinitionDiffs>();
        services.AddSingleton<InstanceOperationFrame>();
        services.AddSingleton(sp => new InstanceRepair(sp.GetRequiredService<InstanceOperationFrame>()));
        services.AddSingleton<InstanceMigrator>();
        services.AddSingleton<InstanceErasure>();
        services.TryAddSingleton<RetentionOptions>();
        services.AddSingleton<RetentionSweep>();
        return services;
    }
}
