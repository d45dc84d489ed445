using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    /// <summary>Takes an open task of one of the principal's groups (or assigned to the principal) for the principal alone.</summary>
    public Task<RuntimeResult<WorkTask>> ClaimTaskAsync(string taskId, Principal principal, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(taskId, principal, EventTypes.TaskClaimed, (task, now) =>
        {
            if (task.AssigneeUser == principal.Id && task.ClaimedAt is not null)
            {
                return null;
            }

            if (task.AssigneeUser is { } holder && holder != principal.Id)
            {
                return RuntimeError.Conflict($"Task '{taskId}' is already {(task.ClaimedAt is null ? "assigned to" : "claimed by")} {holder}.");
            }

            if (!MayWork(task, principal))
            {
                return RuntimeError.Forbidden(WhoMayWork(task, principal));
            }

            task.AssigneeUser = principal.Id;
            task.ClaimedAt = now.UtcDateTime;
            return null;
        }, cancellationToken);

    /// <summary>Gives a claimed task back to its role, so any member can take it.</summary>
    public Task<RuntimeResult<WorkTask>> ReleaseTaskAsync(string taskId, Principal principal, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(taskId, principal, EventTypes.TaskReleased, (task, _) =>
        {
            if (task.AssigneeUser != principal.Id)
            {
                return RuntimeError.Forbidden($"Only the person holding task '{taskId}' ({task.AssigneeUser ?? "nobody"}) can release it.");
            }

            if (task.AssigneeRole is null)
            {
                return RuntimeError.Invalid(
                    $"Task '{taskId}' was assigned to {principal.Id} by name and has no role to go back to; reassign it to someone instead.",
                    new RuntimeProblem("taskId", "task.noRole", "Use reassignTask to hand it to another person."));
            }

            task.AssigneeUser = null;
            task.ClaimedAt = null;
            return null;
        }, cancellationToken);

    /// <summary>Hands a task to another user: its holder may, and so may any member of its role.</summary>
    public Task<RuntimeResult<WorkTask>> ReassignTaskAsync(string taskId, string toUser, Principal principal, CancellationToken cancellationToken = default) =>
        ChangeTaskAsync(taskId, principal, EventTypes.TaskReassigned, (task, _) =>
        {
            if (string.IsNullOrWhiteSpace(toUser))
            {
                return RuntimeError.Invalid("Name the user to hand the task to.", new RuntimeProblem("toUser", "user.required", "Give a user id (an e-mail address)."));
            }

            if (task.AssigneeUser != principal.Id && !principal.InGroup(task.AssigneeRole))
            {
                return RuntimeError.Forbidden($"Only the person holding task '{taskId}' or a member of its role '{task.AssigneeRole ?? "(none)"}' can reassign it.");
            }

            task.AssigneeUser = toUser.Trim();
            task.ClaimedAt = null;
            return null;
        }, cancellationToken);

    private async Task<RuntimeResult<WorkTask>> ChangeTaskAsync(
        string taskId,
        Principal principal,
        string eventType,
        Func<TaskRecord, DateTimeOffset, RuntimeError?> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        using var writer = await EnterWriterAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return RuntimeError.NotFound($"There is no task '{taskId}'.");
        }

        if (task.CompletedAt is not null)
        {
            return RuntimeError.Conflict($"Task '{taskId}' is already completed.");
        }

        var before = (task.AssigneeUser, task.ClaimedAt);
        var now = _clock.GetUtcNow();
        if (change(task, now) is { } error)
        {
            return error;
        }

        var instance = await db.Instances.AsNoTracking().FirstAsync(i => i.Id == task.InstanceId, cancellationToken).ConfigureAwait(false);
        if (before != (task.AssigneeUser, task.ClaimedAt))
        {
            task.ETag = StepExecution.NewId();
            EventLog.Append(db, eventType, instance, now, principal.Id, new JsonObject { ["from"] = before.AssigneeUser, ["to"] = task.AssigneeUser, ["role"] = task.AssigneeRole }, task.StepKey, task.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return RuntimeError.Conflict($"Task '{taskId}' changed while this call was working on it; read it again.");
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var process = await _definitions.GetAsync<Metadata.ProcessDefinition>(db, Metadata.DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<WorkTask>(ToWorkTask(task, instance, process));
    }

    private static bool MayWork(TaskRecord task, Principal principal) => TaskAccess.MayWork(principal, task);

    private static string WhoMayWork(TaskRecord task, Principal principal) => principal.Link is not null || task.ExternalEmail is not null
        ? $"Task '{task.Id}' is for an external participant and is completed only through the latest link sent to them."
        : task.AssigneeUser is { } user
        ? $"Task '{task.Id}' is {(task.ClaimedAt is null ? "assigned to" : "claimed by")} {user}, not {principal.Id}."
        : $"Task '{task.Id}' belongs to role '{task.AssigneeRole ?? "(none)"}', and {principal.Id} is not in it.";
}
