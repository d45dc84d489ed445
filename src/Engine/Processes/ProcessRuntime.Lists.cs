using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

/// <summary>
/// Lists for front ends: filtering, sorting, counting and paging happen in SQL; a page is a fixed number of commands
/// however long it is (one for the count, one for the page, one for what the page's rows need), and the timelines of a
/// whole page of instances are read in one command. Pages are keyset pages: the next one starts after the last item's
/// (sort key, id), so rows inserted or removed between two requests neither repeat nor hide an item.
/// </summary>
public sealed partial class ProcessRuntime
{
    /// <summary>Up to <paramref name="limit"/> tasks after <paramref name="after"/> (from the start when null).</summary>
    public async Task<ListPage<WorkTask>> ListTasksAsync(TaskQuery query, ListPosition? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await Sort(After(filtered, query.Order, after), query.Order).Take(limit + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = page.Take(limit).ToList();
        var instanceIds = rows.Select(t => t.InstanceId).Distinct().ToList();
        var instances = instanceIds.Count == 0
            ? []
            : await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken).ConfigureAwait(false);
        var items = new List<WorkTask>(rows.Count);
        foreach (var task in rows)
        {
            var instance = instances[task.InstanceId];
            var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
            items.Add(ToWorkTask(task, instance, process));
        }

        var positions = rows.Select(t => new ListPosition(query.Order.Field == ListSort.DueAt ? t.DueAt : t.CreatedAt, t.Id)).ToList();
        return new ListPage<WorkTask>(items, positions, total, page.Count > limit);
    }

    /// <summary>Up to <paramref name="limit"/> instances after <paramref name="after"/> (from the start when null), by start time.</summary>
    public async Task<ListPage<ProcessInstance>> ListInstancesAsync(InstanceQuery query, ListPosition? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken).ConfigureAwait(false);
        var descending = query.Order.Descending;
        if (after is { Key: { } key, Id: var afterId })
        {
            filtered = descending
                ? filtered.Where(i => i.StartedAt < key || (i.StartedAt == key && string.Compare(i.Id, afterId) < 0))
                : filtered.Where(i => i.StartedAt > key || (i.StartedAt == key && string.Compare(i.Id, afterId) > 0));
        }

        var sorted = descending
            ? filtered.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            : filtered.OrderBy(i => i.StartedAt).ThenBy(i => i.Id);
        var page = await sorted.Take(limit + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = page.Take(limit).ToList();
        var ids = rows.Select(i => i.Id).ToList();
        var openRows = ids.Count == 0
            ? []
            : await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId) && t.CompletedAt == null).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var open = openRows.ToLookup(t => t.InstanceId);
        var items = new List<ProcessInstance>(rows.Count);
        foreach (var instance in rows)
        {
            var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
            items.Add(ToProcessInstance(instance, [.. open[instance.Id].Select(t => ToWorkTask(t, instance, process))]));
        }

        return new ListPage<ProcessInstance>(items, [.. rows.Select(i => new ListPosition(i.StartedAt, i.Id))], total, page.Count > limit);
    }

    /// <summary>The timelines of several instances in one command, each oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<InstanceEvent>>> TimelinesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Events.AsNoTracking().Where(e => e.InstanceId != null && instanceIds.Contains(e.InstanceId)).OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byInstance = rows.ToLookup(e => e.InstanceId!);
        return instanceIds.Distinct(StringComparer.Ordinal).ToDictionary(
            id => id,
            id => (IReadOnlyList<InstanceEvent>)[.. byInstance[id].Select(EventLog.ToInstanceEvent)],
            StringComparer.Ordinal);
    }

    /// <summary>A routing decision as its <c>routeDecided</c> event records it.</summary>
    public static RouteDecisionRecord ToDecision(InstanceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RouteDecisionRecord(
            e.Sequence,
            e.OccurredAt,
            e.StepKey ?? string.Empty,
            (string?)e.Payload["outcome"],
            (string?)e.Payload["ruleSetKey"],
            (int?)e.Payload["ruleSetVersion"],
            e.Payload["firedRules"] is JsonArray fired ? [.. fired.Select(r => (string)r!)] : ImmutableArray<string>.Empty,
            (string?)e.Payload["routedBy"],
            (string?)e.Payload["target"],
            (string?)e.Payload["source"] ?? "none",
            e.Payload["trace"]?.DeepClone(),
            e.Payload["facts"]?.DeepClone().AsObject() ?? []);
    }

    private static IQueryable<TaskRecord> Filter(LowCodeDbContext db, TaskQuery query)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (query.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.AssigneeUser == assignee || t.CompletedBy == assignee);
        }

        if (query.Group is { } group)
        {
            tasks = tasks.Where(t => t.AssigneeRole == group);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            bool open = statuses.Contains(WorkTaskStatus.Open), claimed = statuses.Contains(WorkTaskStatus.Claimed), completed = statuses.Contains(WorkTaskStatus.Completed);
            tasks = tasks.Where(t => (open && t.CompletedAt == null && t.ClaimedAt == null) || (claimed && t.CompletedAt == null && t.ClaimedAt != null) || (completed && t.CompletedAt != null));
        }

        if (query.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }

        if (query.ProcessKey is { } processKey)
        {
            tasks = tasks.Where(t => db.Instances.Any(i => i.Id == t.InstanceId && i.ProcessKey == processKey));
        }

        if (query.DueBefore is { } before)
        {
            var until = before.UtcDateTime;
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt < until);
        }

        if (query.DueAfter is { } after)
        {
            var from = after.UtcDateTime;
            tasks = tasks.Where(t => t.DueAt != null && t.DueAt >= from);
        }

        if (query.VisibleTo is { } principal)
        {
            var id = principal.Id;
            var groups = Groups(principal).ToList();
            tasks = tasks.Where(t => t.AssigneeUser == id || t.CompletedBy == id || (t.AssigneeRole != null && groups.Contains(t.AssigneeRole)));
        }

        return tasks;
    }

    /// <summary>
    /// The tasks that sort after <paramref name="after"/> in <paramref name="order"/>, as one SQL condition: the row-value
    /// comparison <c>(key, id) &gt; (@key, @id)</c> spelled out, with tasks that have no due date after all that have one.
    /// </summary>
    private static IQueryable<TaskRecord> After(IQueryable<TaskRecord> tasks, ListOrder order, ListPosition? after)
    {
        if (after is null)
        {
            return tasks;
        }

        var id = after.Id;
        if (order.Field != ListSort.DueAt)
        {
            var created = after.Key ?? DateTime.MinValue;
            return order.Descending
                ? tasks.Where(t => t.CreatedAt < created || (t.CreatedAt == created && string.Compare(t.Id, id) < 0))
                : tasks.Where(t => t.CreatedAt > created || (t.CreatedAt == created && string.Compare(t.Id, id) > 0));
        }

        if (after.Key is not { } due)
        {
            return order.Descending
                ? tasks.Where(t => t.DueAt == null && string.Compare(t.Id, id) < 0)
                : tasks.Where(t => t.DueAt == null && string.Compare(t.Id, id) > 0);
        }

        return order.Descending
            ? tasks.Where(t => t.DueAt == null || t.DueAt < due || (t.DueAt == due && string.Compare(t.Id, id) < 0))
            : tasks.Where(t => t.DueAt == null || t.DueAt > due || (t.DueAt == due && string.Compare(t.Id, id) > 0));
    }

    private static IQueryable<TaskRecord> Sort(IQueryable<TaskRecord> tasks, ListOrder order) => (order.Field, order.Descending) switch
    {
        (ListSort.DueAt, false) => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        (ListSort.DueAt, true) => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.Id),
        (_, true) => tasks.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        _ => tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    private static IQueryable<InstanceRecord> Filter(LowCodeDbContext db, InstanceQuery query)
    {
        var instances = db.Instances.AsNoTracking();
        if (query.ProcessKey is { } processKey)
        {
            instances = instances.Where(i => i.ProcessKey == processKey);
        }

        if (query.Status is { } status)
        {
            instances = instances.Where(i => i.Status == status);
        }

        if (query.BusinessKey is { } businessKey)
        {
            instances = instances.Where(i => i.BusinessKey == businessKey);
        }

        if (query.StartedBy is { } startedBy)
        {
            instances = instances.Where(i => i.StartedBy == startedBy);
        }

        if (query.StartedAfter is { } after)
        {
            var from = after.UtcDateTime;
            instances = instances.Where(i => i.StartedAt >= from);
        }

        if (query.StartedBefore is { } before)
        {
            var until = before.UtcDateTime;
            instances = instances.Where(i => i.StartedAt < until);
        }

        if (query.VisibleTo is { } principal)
        {
            var id = principal.Id;
            var groups = Groups(principal).ToList();
            instances = instances.Where(i => i.StartedBy == id
                || db.Tasks.Any(t => t.InstanceId == i.Id && (t.AssigneeUser == id || t.CompletedBy == id || (t.AssigneeRole != null && groups.Contains(t.AssigneeRole)))));
        }

        return instances;
    }
}
