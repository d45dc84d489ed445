using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Operations;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Operations.Erasure;
using LowCode.Engine.Operations.LiveRules;
using LowCode.Engine.Operations.Migration;
using LowCode.Engine.Operations.Repair;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The operations over instances on the product schema (SDL in operations.graphql): the dry run as a query; migration,
/// the repairs and erasure as mutations. Thin over the engine's services; every expected failure is a payload with
/// its problems, never a GraphQL error. The acting principal is the <see cref="ApiUser"/>.
/// </summary>
internal static class OperationsSchema
{
    public static SchemaBuilder BindOperations(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "dryRunRuleSet", DryRunAsync)
        .Resolve("DryRunExample", "sequence", ctx => ((DryRunExample)ctx.Parent!).Sequence.ToString(CultureInfo.InvariantCulture))
        .ResolveAsync("OperationPayload", "instance", ctx => ((OperationPayload)ctx.Parent!).Result is { } result
            ? Runtime(ctx).GetInstanceAsync(result.InstanceId, ctx.CancellationToken)
            : Task.FromResult<ProcessInstance?>(null))
        .ResolveAsync("OperationPayload", "createdTasks", CreatedTasksAsync)
        .ResolveAsync("Mutation", "migrateInstances", MigrateAsync)
        .ResolveAsync("Mutation", "cancelInstance", ctx => OperationPayload.FromAsync(Repair(ctx).CancelAsync(Id(ctx), Request(ctx), ctx.CancellationToken)))
        .ResolveAsync("Mutation", "retryStep", ctx => OperationPayload.FromAsync(Repair(ctx).RetryStepAsync(Id(ctx), ctx.GetArgument<string>("step"), Request(ctx), ctx.CancellationToken)))
        .ResolveAsync("Mutation", "resolveException", ctx => OperationPayload.FromAsync(Repair(ctx).ResolveExceptionAsync(Id(ctx), ctx.GetArgument<string>("code")!, Request(ctx), ctx.CancellationToken)))
        .ResolveAsync("Mutation", "moveInstanceToStep", ctx => OperationPayload.FromAsync(Repair(ctx).MoveToStepAsync(Id(ctx), ctx.GetArgument<string>("step")!, Request(ctx), ctx.CancellationToken)))
        .ResolveAsync("Mutation", "rerouteInstance", ctx => OperationPayload.FromAsync(Repair(ctx).RerouteAsync(Id(ctx), Request(ctx), ctx.CancellationToken)))
        .ResolveAsync("Mutation", "eraseInstance", async ctx => ErasurePayload.From(
            await ctx.GetRequiredService<InstanceErasure>().EraseAsync(Id(ctx), Request(ctx), ctx.CancellationToken).ConfigureAwait(false)));

    private static Task<DryRunReport> DryRunAsync(ResolveContext ctx)
    {
        var ruleSetKey = ctx.GetArgument<string>("ruleSetKey")!;
        var candidate = ctx.GetArgument<object>("ruleSet");
        var request = new DryRunRequest(
            ctx.GetArgument<string>("processKey")!,
            ruleSetKey,
            ctx.GetArgument<int?>("version"),
            ctx.GetArgument<int?>("last"),
            ctx.GetArgument<DateTimeOffset?>("from"),
            ctx.GetArgument<DateTimeOffset?>("to"),
            ctx.GetArgument("maxExamples", DryRunRequest.DefaultMaxExamples),
            candidate is null ? null : candidate as string ?? JsonSerializer.Serialize(candidate));
        return ctx.GetRequiredService<LiveRuleSets>().DryRunAsync(request, ApiUser.Of(ctx), ctx.CancellationToken);
    }

    private static async Task<MigrationReport> MigrateAsync(ResolveContext ctx)
    {
        var processKey = ctx.GetArgument<string>("processKey")!;
        var from = ctx.GetArgument<int>("fromVersion");
        var to = ctx.GetArgument<int>("toVersion");
        var validateOnly = ctx.GetArgument<bool>("validateOnly");
        if (!TryReadMapping(ctx.GetArgument<object>("stepMapping"), out var mapping))
        {
            return new MigrationReport(processKey, from, to, validateOnly, [new RuntimeProblem(
                "stepMapping",
                "migration.mappingNotObject",
                "Send the step mapping as an object of old step key to new step key, e.g. { \"managerApproval\": \"lineManagerApproval\" }; nothing moved.")], []);
        }

        ImmutableArray<string> ids = ctx.GetArgument<object>("instanceIds") is IEnumerable list and not string
            ? [.. list.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)!)]
            : default;
        return await ctx.GetRequiredService<InstanceMigrator>()
            .MigrateAsync(new MigrationRequest(processKey, from, to, mapping, ids, validateOnly), Request(ctx), ctx.CancellationToken)
            .ConfigureAwait(false);
    }

    private static bool TryReadMapping(object? argument, out ImmutableDictionary<string, string> mapping)
    {
        mapping = ImmutableDictionary<string, string>.Empty;
        if (argument is null)
        {
            return true;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(argument as string ?? JsonSerializer.Serialize(argument));
        }
        catch (JsonException)
        {
            return false;
        }

        if (node is not JsonObject obj || obj.Any(p => p.Value is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
        {
            return false;
        }

        mapping = obj.ToImmutableDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        return true;
    }

    private static async Task<IReadOnlyList<WorkTask>> CreatedTasksAsync(ResolveContext ctx)
    {
        var tasks = new List<WorkTask>();
        foreach (var id in ((OperationPayload)ctx.Parent!).Result?.CreatedTaskIds ?? [])
        {
            if (await Runtime(ctx).GetTaskAsync(id, ctx.CancellationToken).ConfigureAwait(false) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private static OperationRequest Request(ResolveContext ctx) => new(ApiUser.PrincipalOf(ctx), ctx.GetArgument<string>("reason"));

    private static InstanceRepair Repair(ResolveContext ctx) => ctx.GetRequiredService<InstanceRepair>();

    private static ProcessRuntime Runtime(ResolveContext ctx) => ctx.GetRequiredService<ProcessRuntime>();

    private static string Id(ResolveContext ctx) => ctx.GetArgument<string>("id")!;
}

/// <summary>What the OperationPayload type reads: the instance after the operation, or why nothing changed.</summary>
internal sealed record OperationPayload(OperationResult? Result, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];

    public static async Task<OperationPayload> FromAsync(Task<RuntimeResult<OperationResult>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var result = await operation.ConfigureAwait(false);
        return new OperationPayload(result.Value, result.Error);
    }
}

/// <summary>What the ErasurePayload type reads.</summary>
internal sealed record ErasurePayload(string? InstanceId, int Events, int Tasks, RuntimeError? Error)
{
    public ImmutableArray<RuntimeProblem> Problems => Error?.Problems ?? [];

    public static ErasurePayload From(RuntimeResult<ErasureResult> result) =>
        result.Value is { } erased ? new(erased.InstanceId, erased.Events, erased.Tasks, null) : new(null, 0, 0, result.Error);
}
