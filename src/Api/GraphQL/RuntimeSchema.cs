using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The process runtime's mutations on the product schema: startProcess, completeTask, claimTask, releaseTask and
/// reassignTask (the lists and reads are in <see cref="RuntimeLists"/>). Expected failures are payloads, never
/// GraphQL errors. The caller is the <see cref="ApiUser"/> principal.
/// </summary>
internal static class RuntimeSchema
{
    public static SchemaBuilder BindRuntime(this SchemaBuilder builder) => builder
        .BindEnum<RuntimeErrorKind>("RuntimeErrorKind")
        .Resolve("Task", "etag", ctx => ((WorkTask)ctx.Parent!).ETag)
        .Resolve("Task", "submission", ctx => ((WorkTask)ctx.Parent!).Submission)
        .Resolve("InstanceException", "raisedBy", ctx => ((ExceptionEntry)ctx.Parent!).RaisedBy)
        .Resolve("TimelineEvent", "sequence", ctx => ((Engine.Events.InstanceEvent)ctx.Parent!).Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Resolve("RouteDecision", "sequence", ctx => ((RouteDecisionRecord)ctx.Parent!).Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Resolve("Instance", "pinnedForms", ctx => JsonSerializer.SerializeToElement(((ProcessInstance)ctx.Parent!).PinnedForms))
        .ResolveAsync("StepPayload", "instance", ctx => ((StepPayload)ctx.Parent!).Result is { } result
            ? InstanceAsync(ctx, result)
            : Task.FromResult<ProcessInstance?>(null))
        .Resolve("StepPayload", "completedTaskId", ctx => ((StepPayload)ctx.Parent!).Result?.CompletedTaskId)
        .Resolve("StepPayload", "replayed", ctx => ((StepPayload)ctx.Parent!).Result?.Replayed ?? false)
        .ResolveAsync("StepPayload", "createdTasks", ctx => CreatedTasksAsync(ctx, (StepPayload)ctx.Parent!))
        .ResolveAsync("Mutation", "startProcess", async ctx => Data(ctx, out var data) is { } bad ? bad : StepPayload.From(await Runtime(ctx).StartAsync(
            ctx.GetArgument<string>("key")!,
            data,
            ctx.GetArgument<string>("businessKey"),
            ctx.GetArgument<string>("idempotencyKey"),
            ApiUser.PrincipalOf(ctx),
            ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "completeTask", async ctx => Data(ctx, out var data) is { } bad ? bad : StepPayload.From(await Runtime(ctx).CompleteTaskAsync(
            Id(ctx),
            data,
            ctx.GetArgument<string>("outcome"),
            ctx.GetArgument<string>("idempotencyKey"),
            ApiUser.PrincipalOf(ctx),
            ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "claimTask", async ctx => TaskPayload.From(
            await Runtime(ctx).ClaimTaskAsync(Id(ctx), ApiUser.PrincipalOf(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "releaseTask", async ctx => TaskPayload.From(
            await Runtime(ctx).ReleaseTaskAsync(Id(ctx), ApiUser.PrincipalOf(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "reassignTask", async ctx => TaskPayload.From(
            await Runtime(ctx).ReassignTaskAsync(Id(ctx), ctx.GetArgument<string>("user")!, ApiUser.PrincipalOf(ctx), ctx.CancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// The instance after the step. A front end that asks only for its id (and its timeline or decisions, which are read
    /// by id) gets it from the step's result: reading the instance, its open tasks and its process would be two SQL
    /// commands and a context for an id the result already holds, and the instance exists, since this call's step wrote
    /// it. A replayed result is an earlier call's, whose instance may have been removed since: that one is read.
    /// </summary>
    private static Task<ProcessInstance?> InstanceAsync(ResolveContext ctx, StepResult result) =>
        !result.Replayed && Selection.SelectsOnly(ctx, "id", "timeline", "decisions")
            ? Task.FromResult<ProcessInstance?>(IdOnly(result.InstanceId))
            : Runtime(ctx).GetInstanceAsync(result.InstanceId, ctx.CancellationToken);

    /// <summary>An instance that carries only its id: what the Instance fields above read when nothing else is selected.</summary>
    private static ProcessInstance IdOnly(string id) =>
        new(id, string.Empty, 0, null, string.Empty, [], ImmutableDictionary<string, int>.Empty, [], [], [], string.Empty, default, null, null);

    private static async Task<IReadOnlyList<WorkTask>> CreatedTasksAsync(ResolveContext ctx, StepPayload payload)
    {
        if (payload.Result is not { } result)
        {
            return [];
        }

        var withPrefill = Selection.Selects(ctx, "prefill");
        if (!withPrefill && !result.CreatedTasks.IsDefault)
        {
            // The step's own view of the tasks it created: nothing to read again (the prefill is evaluated on read).
            return result.CreatedTasks;
        }

        var tasks = new List<WorkTask>(result.CreatedTaskIds.Length);
        foreach (var id in result.CreatedTaskIds)
        {
            if (await Runtime(ctx).GetTaskAsync(id, withPrefill, ctx.CancellationToken).ConfigureAwait(false) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    /// <summary>Reads the data argument (a JSON object, or a string holding one); returns the payload to answer with when it is neither.</summary>
    private static StepPayload? Data(ResolveContext ctx, out JsonObject? data)
    {
        data = null;
        var argument = ctx.HasArgument("data") ? ctx.GetArgument<object>("data") : null;
        if (argument is null)
        {
            return null;
        }

        try
        {
            data = JsonNode.Parse(argument as string ?? JsonSerializer.Serialize(argument)) as JsonObject;
        }
        catch (JsonException)
        {
            data = null;
        }

        return data is not null ? null : new StepPayload(null, RuntimeError.Invalid(
            "The data must be a JSON object of field keys to values (or a string holding one); nothing was changed.",
            new RuntimeProblem("data", "data.notObject", "Send the form's values as an object, e.g. { \"amount\": 120 }.")));
    }

    private static ProcessRuntime Runtime(ResolveContext ctx) => ctx.GetRequiredService<ProcessRuntime>();

    private static string Id(ResolveContext ctx) => ctx.GetArgument<string>("id")!;
}
