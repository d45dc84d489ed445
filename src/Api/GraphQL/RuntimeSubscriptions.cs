using System.Runtime.CompilerServices;
using LowCode.Api.Identity;
using LowCode.Engine.Changes;
using LowCode.Engine.Metadata;
using LowCode.Engine.Notifications;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The runtime's subscriptions (SDL in runtime-subscriptions.graphql) over <see cref="IRuntimeChangeNotifier"/> and
/// <see cref="IDefinitionChangeNotifier"/>: committed changes only, from every node on PostgreSQL. Each event carries
/// identities; the payload is read when the event is sent, so it shows the state after the commit. Who may follow what
/// is checked when the subscription starts, the same way the matching query checks it.
/// </summary>
internal static class RuntimeSubscriptions
{
    public static SchemaBuilder BindRuntimeSubscriptions(this SchemaBuilder builder) => builder
        .Subscribe("Subscription", "taskAssigned", TaskAssigned)
        .SubscribeAsync("Subscription", "instanceChanged", InstanceChangedAsync)
        .Subscribe("Subscription", "ruleSetPublished", RuleSetPublishedAsync)
        .Subscribe("Subscription", "notificationReceived", NotificationReceived)
        .Resolve("InstanceChange", "instanceId", ctx => ((RuntimeChange)ctx.Parent!).Id)
        .ResolveAsync("InstanceChange", "instance", ctx => ctx.GetRequiredService<ProcessRuntime>().GetInstanceAsync(((RuntimeChange)ctx.Parent!).Id, ctx.CancellationToken));

    private static IAsyncEnumerable<WorkTask> TaskAssigned(ResolveContext ctx)
    {
        var caller = Caller(ctx);
        var user = ctx.GetArgument<string>("user");
        var group = ctx.GetArgument<string>("group");
        var seesAll = caller.Has(Permissions.Analyst);
        if (user is not null && user != caller.Id && !seesAll)
        {
            throw new GraphQLException($"Following the tasks of {user} needs the analyst permission; {caller.Id} may follow its own tasks (leave out `user`).", OperationRules.Forbidden);
        }

        if (group is not null && !caller.Groups.Contains(group) && !seesAll)
        {
            throw new GraphQLException($"{caller.Id} is not in group '{group}'; following a group's tasks needs membership or the analyst permission.", OperationRules.Forbidden);
        }

        Func<RuntimeChange, bool> mine = user is null && group is null
            ? c => c.User == caller.Id || (c.User is null && c.Role is not null && caller.Groups.Contains(c.Role))
            : c => (user is not null && c.User == user) || (group is not null && c.Role == group);
        var changes = Changes(ctx).Subscribe(c => c.Kind == RuntimeChangeKind.TaskAssigned && mine(c), ctx.CancellationToken);
        return TasksAsync(ctx.GetRequiredService<ProcessRuntime>(), changes, ctx.CancellationToken);
    }

    private static async IAsyncEnumerable<WorkTask> TasksAsync(ProcessRuntime runtime, IAsyncEnumerable<RuntimeChange> changes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in changes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (await runtime.GetTaskAsync(change.Id, cancellationToken).ConfigureAwait(false) is { } task)
            {
                yield return task;
            }
        }
    }

    private static async Task<IAsyncEnumerable<RuntimeChange>> InstanceChangedAsync(ResolveContext ctx)
    {
        var id = ctx.GetArgument<string>("id")!;

        // Registered before the access check reads the store, so nothing committed after the check is missed.
        var changes = Changes(ctx).Subscribe(c => c.Kind == RuntimeChangeKind.InstanceChanged && c.Id == id, ctx.CancellationToken);
        var runtime = ctx.GetRequiredService<ProcessRuntime>();
        var instance = await runtime.GetInstanceAsync(id, ctx.CancellationToken).ConfigureAwait(false)
            ?? throw new GraphQLException($"There is no instance '{id}'; subscribe with the id of a stored instance.", "NOT_FOUND");
        if (RuntimeVisibility.Restriction(ctx) is { } principal && instance.StartedBy != principal.Id)
        {
            var part = await runtime.ListTasksAsync(new TaskQuery { InstanceId = id, VisibleTo = principal }, null, 1, ctx.CancellationToken).ConfigureAwait(false);
            if (part.TotalCount == 0)
            {
                throw new GraphQLException($"Instance '{id}' was not started by {principal.Id}, and none of its tasks is theirs or their groups'.", OperationRules.Forbidden);
            }
        }

        return changes;
    }

    private static async IAsyncEnumerable<DefinitionVersion> RuleSetPublishedAsync(ResolveContext ctx)
    {
        var changes = ctx.GetRequiredService<IDefinitionChangeNotifier>().Subscribe(DefinitionKind.RuleSet, ctx.GetArgument<string>("key"), ctx.CancellationToken);
        await foreach (var change in changes.WithCancellation(ctx.CancellationToken).ConfigureAwait(false))
        {
            if (change.Change == DefinitionChangeKind.Published)
            {
                yield return change.Current;
            }
        }
    }

    private static IAsyncEnumerable<Notification> NotificationReceived(ResolveContext ctx)
    {
        var caller = Caller(ctx);
        var changes = Changes(ctx).Subscribe(
            c => c.Kind == RuntimeChangeKind.NotificationReceived && (c.User == caller.Id || (c.Role is not null && caller.Groups.Contains(c.Role))),
            ctx.CancellationToken);
        return NotificationsAsync(ctx.GetRequiredService<NotificationQueries>(), changes, ctx.CancellationToken);
    }

    private static async IAsyncEnumerable<Notification> NotificationsAsync(NotificationQueries notifications, IAsyncEnumerable<RuntimeChange> changes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var change in changes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (await notifications.GetAsync(change.Id, cancellationToken).ConfigureAwait(false) is { } notification)
            {
                yield return notification;
            }
        }
    }

    private static IRuntimeChangeNotifier Changes(ResolveContext ctx) => ctx.GetRequiredService<IRuntimeChangeNotifier>();

    /// <summary>The caller, who is known here: every root field is guarded before its stream is created.</summary>
    private static ApiPrincipal Caller(ResolveContext ctx) => ApiUser.Current(ctx)
        ?? throw new GraphQLException("Subscribing needs an API key or token.", OperationRules.Unauthenticated);
}
