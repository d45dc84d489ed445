using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    /// <summary>An instance with its data, open tasks and open exceptions, or null.</summary>
    public async Task<ProcessInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.CompletedAt == null)
            .OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return ToProcessInstance(instance, [.. tasks.Select(t => ToWorkTask(t, instance, process))]);
    }

    /// <summary>A task; an open one comes with <see cref="WorkTask.Prefill"/>, the instance data seen through its pinned form.</summary>
    public Task<WorkTask?> GetTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        GetTaskAsync(taskId, withPrefill: true, cancellationToken);

    /// <summary>
    /// A task; with <paramref name="withPrefill"/> an open one comes with <see cref="WorkTask.Prefill"/>. Callers that do
    /// not show the form leave it out: it evaluates the whole form over the instance data.
    /// </summary>
    public async Task<WorkTask?> GetTaskAsync(string taskId, bool withPrefill, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await TaskAndInstance.For(db)(db, taskId, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return null;
        }

        var (task, instance) = (row.Task, row.Instance);
        var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
        var view = ToWorkTask(task, instance, process);
        if (withPrefill && task.CompletedAt is null && task.FormKey is { } formKey && task.FormVersion is { } formVersion
            && await _definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, formKey, formVersion, cancellationToken).ConfigureAwait(false) is { } form)
        {
            var evaluation = _forms.Evaluate(form, ParseObject(instance.Data) ?? [], FormOptions(_clock.GetUtcNow()));
            view = view with { Prefill = evaluation.Values };
        }

        return view;
    }

    // A front end opens a task before every completion, so its read is one query compiled once.
    private static readonly ProviderCompiled<Func<LowCodeDbContext, string, CancellationToken, Task<TaskView?>>> TaskAndInstance = new(() => EF.CompileAsyncQuery(
        (LowCodeDbContext db, string id, CancellationToken _) =>
            (from t in db.Tasks.AsNoTracking()
             where t.Id == id
             join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
             select new TaskView(t, i)).FirstOrDefault()));

    private sealed record TaskView(TaskRecord Task, InstanceRecord Instance);

    /// <summary>
    /// A principal's inbox: open tasks assigned to or claimed by it, and the unclaimed open tasks of its groups,
    /// oldest due first.
    /// </summary>
    public async Task<IReadOnlyList<WorkTask>> InboxAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var groups = Groups(principal).ToList();
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.CompletedAt == null && (t.AssigneeUser == principal.Id || (t.AssigneeUser == null && t.AssigneeRole != null && groups.Contains(t.AssigneeRole))))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var instances = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken).ConfigureAwait(false);
        var views = new List<WorkTask>(tasks.Count);
        foreach (var task in tasks.OrderBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.CreatedAt))
        {
            var instance = instances[task.InstanceId];
            var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
            views.Add(ToWorkTask(task, instance, process));
        }

        return views;
    }

    /// <summary>An instance's timeline: every event of its life, in order.</summary>
    public async Task<IReadOnlyList<InstanceEvent>> TimelineAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await EventLog.ReadAsync(db, instanceId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An instance's routing decisions with their rule set versions, fired rules, traces and facts.</summary>
    public async Task<IReadOnlyList<RouteDecisionRecord>> DecisionsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var events = await EventLog.ReadAsync(db, instanceId, EventTypes.RouteDecided, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(ToDecision)];
    }
}
