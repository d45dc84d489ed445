using System.Text.Json;
using LowCode.Api.Identity;
using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The runtime's lists and reads with their visibility: myTasks, tasks(filter), instances(filter) as cursor
/// connections keyset-paged in SQL; task(id) and instance(id) refuse a user with no part in them. An instance's timeline and
/// decisions load through one DataLoader per request, so a page of instances costs the same number of SQL commands
/// however long it is.
/// </summary>
internal static class RuntimeLists
{
    public static SchemaBuilder BindRuntimeLists(this SchemaBuilder builder) => builder
        .BindEnum<WorkTaskStatus>("TaskStatus")
        .ResolveAsync("Query", "myTasks", async ctx =>
        {
            var principal = ApiUser.PrincipalOf(ctx);
            var query = new TaskQuery
            {
                Statuses = [WorkTaskStatus.Open, WorkTaskStatus.Claimed],
                VisibleTo = principal,
                Order = new ListOrder(ListSort.DueAt, Descending: false),
            };
            var page = ListRequest.Of(ctx, query.Order);
            return Connection<WorkTask>.From(await Runtime(ctx).ListTasksAsync(query, page.After, page.Limit, ctx.CancellationToken).ConfigureAwait(false), page);
        })
        .ResolveAsync("Query", "tasks", async ctx =>
        {
            var filter = ctx.GetArgument<IReadOnlyDictionary<string, object?>>("filter");
            var order = ctx.GetArgument<IReadOnlyDictionary<string, object?>>("orderBy");
            var query = new TaskQuery
            {
                Assignee = Text(filter, "assignee"),
                Group = Text(filter, "group"),
                Statuses = filter?.GetValueOrDefault("status") is IEnumerable<object?> statuses ? [.. statuses.Select(s => Enum.Parse<WorkTaskStatus>(s!.ToString()!, ignoreCase: true))] : null,
                ProcessKey = Text(filter, "processKey"),
                InstanceId = Text(filter, "instanceId"),
                DueBefore = filter?.GetValueOrDefault("dueBefore") as DateTimeOffset?,
                DueAfter = filter?.GetValueOrDefault("dueAfter") as DateTimeOffset?,
                VisibleTo = RuntimeVisibility.Restriction(ctx),
                Order = new ListOrder(
                    string.Equals(Text(order, "field"), "DUE_AT", StringComparison.OrdinalIgnoreCase) ? ListSort.DueAt : ListSort.CreatedAt,
                    Descending(order, byDefault: false)),
            };
            var page = ListRequest.Of(ctx, query.Order);
            return Connection<WorkTask>.From(await Runtime(ctx).ListTasksAsync(query, page.After, page.Limit, ctx.CancellationToken).ConfigureAwait(false), page);
        })
        .ResolveAsync("Query", "instances", async ctx =>
        {
            var filter = ctx.GetArgument<IReadOnlyDictionary<string, object?>>("filter");
            var query = new InstanceQuery
            {
                ProcessKey = Text(filter, "processKey"),
                Status = Text(filter, "status"),
                BusinessKey = Text(filter, "businessKey"),
                StartedBy = Text(filter, "startedBy"),
                StartedAfter = filter?.GetValueOrDefault("startedAfter") as DateTimeOffset?,
                StartedBefore = filter?.GetValueOrDefault("startedBefore") as DateTimeOffset?,
                VisibleTo = RuntimeVisibility.Restriction(ctx),
                Order = new ListOrder(ListSort.StartedAt, Descending(ctx.GetArgument<IReadOnlyDictionary<string, object?>>("orderBy"), byDefault: true)),
            };
            var page = ListRequest.Of(ctx, query.Order);
            return Connection<ProcessInstance>.From(await Runtime(ctx).ListInstancesAsync(query, page.After, page.Limit, ctx.CancellationToken).ConfigureAwait(false), page);
        })
        .ResolveAsync("Query", "task", async ctx =>
        {
            var task = await Runtime(ctx).GetTaskAsync(ctx.GetArgument<string>("id")!, Selection.Selects(ctx, "prefill"), ctx.CancellationToken).ConfigureAwait(false);
            if (task is not null && RuntimeVisibility.Restriction(ctx) is { } principal
                && task.AssigneeUser != principal.Id && task.CompletedBy != principal.Id && !principal.InGroup(task.AssigneeRole))
            {
                throw new GraphQLException($"Task '{task.Id}' is neither {principal.Id}'s nor offered to one of its groups.", OperationRules.Forbidden);
            }

            return task;
        })
        .ResolveAsync("Query", "instance", async ctx =>
        {
            var instance = await Runtime(ctx).GetInstanceAsync(ctx.GetArgument<string>("id")!, ctx.CancellationToken).ConfigureAwait(false);
            if (instance is not null && RuntimeVisibility.Restriction(ctx) is { } principal && instance.StartedBy != principal.Id)
            {
                var part = await Runtime(ctx).ListTasksAsync(new TaskQuery { InstanceId = instance.Id, VisibleTo = principal }, null, 1, ctx.CancellationToken).ConfigureAwait(false);
                if (part.TotalCount == 0)
                {
                    throw new GraphQLException($"Instance '{instance.Id}' was not started by {principal.Id}, and none of its tasks is theirs or their groups'.", OperationRules.Forbidden);
                }
            }

            return instance;
        })
        .ResolveAsync("Instance", "timeline", ctx => TimelineAsync(ctx))
        .ResolveAsync("Instance", "decisions", async ctx => (IReadOnlyList<RouteDecisionRecord>)[.. (await TimelineAsync(ctx).ConfigureAwait(false))
            .Where(e => e.Type == EventTypes.RouteDecided)
            .Select(ProcessRuntime.ToDecision)]);

    private static async Task<IReadOnlyList<InstanceEvent>> TimelineAsync(ResolveContext ctx)
    {
        var runtime = Runtime(ctx);
        var loader = ctx.DataLoaders.GetOrAdd<string, IReadOnlyList<InstanceEvent>>(
            "instance-timelines",
            async (ids, cancellationToken) => await runtime.TimelinesAsync(ids, cancellationToken).ConfigureAwait(false));
        return await loader.LoadAsync(((ProcessInstance)ctx.Parent!).Id).ConfigureAwait(false) ?? [];
    }

    private static bool Descending(IReadOnlyDictionary<string, object?>? order, bool byDefault) =>
        Text(order, "direction") is { } direction ? string.Equals(direction, "DESC", StringComparison.OrdinalIgnoreCase) : byDefault;

    private static string? Text(IReadOnlyDictionary<string, object?>? values, string name) =>
        values?.GetValueOrDefault(name) switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            var value => value.ToString(),
        };

    private static ProcessRuntime Runtime(ResolveContext ctx) => ctx.GetRequiredService<ProcessRuntime>();
}
