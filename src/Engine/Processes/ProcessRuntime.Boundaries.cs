using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Outbox;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    private const string ContinueOperation = "continue";

    /// <summary>What a step moved from outside does, inside the instance's transaction; an error rolls everything back.</summary>
    internal delegate Task<RuntimeError?> ContinueWork(LowCodeDbContext db, StepExecution execution, ProcessDefinition process, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on one instance in one transaction (state, events, timers, outbox rows commit
    /// together), retried with fresh reads when another transaction moved the instance first.
    /// </summary>
    internal Task<RuntimeResult<StepResult>> ContinueAsync(string instanceId, string actor, ContinueWork work, CancellationToken cancellationToken) =>
        RunStepAsync(
            ContinueOperation,
            null,
            replay => new RuntimeResult<StepResult>(replay),
            db => ContinueOnceAsync(db, instanceId, actor, work, cancellationToken),
            $"Instance '{instanceId}' kept changing while it was being moved on; try again.",
            cancellationToken);

    private async Task<RuntimeResult<StepResult>> ContinueOnceAsync(LowCodeDbContext db, string instanceId, string actor, ContinueWork work, CancellationToken cancellationToken)
    {
        using var writer = await EnterWriterAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return RuntimeError.NotFound($"There is no instance '{instanceId}'.");
        }

        var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' belongs to process '{instance.ProcessKey}' version {instance.ProcessVersion}, which is missing from the database.");
        var execution = new StepExecution(db, instance, process, InstanceState.Read(instance), _clock.GetUtcNow(), actor, _services);
        if (await work(db, execution, process, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        execution.State.WriteTo(instance);
        instance.ETag = StepExecution.NewId();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<StepResult>(Result(instance, null, execution));
    }

    /// <summary>
    /// Fires one timer, exactly once: the row is marked fired inside the same transaction as its effect, and only if
    /// no other poller marked it first. An SLA timer raises slaBreached for the exception rules (unless its task was
    /// completed or its step left); a wait timer moves the instance on from its timer step.
    /// </summary>
    /// <returns>True when this call fired it; false when it had already fired or was no longer due anything.</returns>
    public async Task<bool> FireTimerAsync(string timerId, CancellationToken cancellationToken = default)
    {
        var timer = await ReadAsync(db => db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (timer is null || timer.FiredAt is not null)
        {
            return false;
        }

        var fired = false;
        var result = await ContinueAsync(timer.InstanceId, "system:timer", async (db, execution, process, ct) =>
        {
            fired = false;
            var now = _clock.GetUtcNow().UtcDateTime;
            if (await db.Timers.Where(t => t.Id == timerId && t.FiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct).ConfigureAwait(false) == 0)
            {
                return RuntimeError.Conflict($"Timer '{timerId}' has already fired.");
            }

            fired = true;
            var step = process.Steps.FirstOrDefault(s => s.Key == timer.StepKey);
            if (step is null || execution.Instance.Status != InstanceStatuses.Running)
            {
                return null;
            }

            var payload = new JsonObject { ["timerId"] = timerId, ["dueAt"] = Utc(timer.DueAt), ["taskId"] = timer.TaskId };
            if (timer.Kind == StepExecution.SlaTimer)
            {
                var due = timer.TaskId is { } taskId
                    ? await db.Tasks.AnyAsync(t => t.Id == taskId && t.CompletedAt == null, ct).ConfigureAwait(false)
                    : execution.State.Positions.Contains(step.Key);
                if (due)
                {
                    await execution.ReactAsync(EventTypes.SlaBreached, step, payload, ct).ConfigureAwait(false);
                }
            }
            else if (execution.State.Positions.Contains(step.Key))
            {
                execution.Append(EventTypes.TimerFired, payload, step.Key);
                await execution.ResumeAsync(step, null, ct).ConfigureAwait(false);
            }

            return null;
        }, cancellationToken).ConfigureAwait(false);
        return result.Error is null && fired;
    }

    /// <summary>Records a delivered webhook and, for a webhook step, moves the instance on (its answer kept under <c>steps.&lt;key&gt;</c>).</summary>
    internal async Task WebhookSentAsync(OutboxRecord message, int status, JsonNode? response, CancellationToken cancellationToken)
    {
        await ContinueAsync(message.InstanceId!, "system:webhook", async (db, execution, process, ct) =>
        {
            if (!await MarkAsync(db, message.Id, OutboxStatuses.Sent, null, status, message.Attempts, ct).ConfigureAwait(false))
            {
                return RuntimeError.Conflict($"Outbox message '{message.Id}' was already settled.");
            }

            var step = process.Steps.FirstOrDefault(s => s.Key == message.StepKey);
            execution.Append(EventTypes.WebhookSent, new JsonObject { ["outboxId"] = message.Id, ["status"] = status, ["attempts"] = message.Attempts, ["connection"] = message.Target }, message.StepKey);
            if (message.ResumesStep && step is not null && execution.State.Positions.Contains(step.Key) && execution.Instance.Status == InstanceStatuses.Running)
            {
                if (execution.State.Data["steps"] is not JsonObject steps)
                {
                    steps = [];
                    execution.State.Data["steps"] = steps;
                }

                steps[step.Key] = new JsonObject { ["status"] = status, ["response"] = response?.DeepClone() };
                await execution.ResumeAsync(step, null, ct).ConfigureAwait(false);
            }

            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A webhook that failed for good (every retry spent, or refused by the outbound policy): a webhookFailed event
    /// for the exception rules, an exception on the instance that says why, and for a webhook step its
    /// <c>transitions.failed</c> when it has one (otherwise the instance stays at the step with the exception).
    /// </summary>
    internal async Task WebhookFailedAsync(OutboxRecord message, string error, bool refused, CancellationToken cancellationToken)
    {
        await ContinueAsync(message.InstanceId!, "system:webhook", async (db, execution, process, ct) =>
        {
            if (!await MarkAsync(db, message.Id, OutboxStatuses.Failed, error, message.ResponseStatus, message.Attempts, ct).ConfigureAwait(false))
            {
                return RuntimeError.Conflict($"Outbox message '{message.Id}' was already settled.");
            }

            var step = process.Steps.FirstOrDefault(s => s.Key == message.StepKey);
            var payload = new JsonObject { ["outboxId"] = message.Id, ["error"] = error, ["attempts"] = message.Attempts, ["refused"] = refused, ["connection"] = message.Target };
            if (step is null || !message.ResumesStep)
            {
                // A rule's own callWebhook failing does not run the rules again: a rule that calls a webhook on
                // webhookFailed would otherwise feed itself.
                execution.Append(EventTypes.WebhookFailed, payload, message.StepKey);
            }
            else
            {
                await execution.ReactAsync(EventTypes.WebhookFailed, step, payload, ct).ConfigureAwait(false);
            }

            execution.Raise(refused ? "WEBHOOK_REFUSED" : "WEBHOOK_FAILED", error, "error", message.StepKey, null);
            if (message.ResumesStep && step is not null && step.Transitions.ContainsKey("failed") && execution.State.Positions.Contains(step.Key)
                && execution.Instance.Status == InstanceStatuses.Running)
            {
                await execution.ResumeAsync(step, "failed", ct).ConfigureAwait(false);
            }

            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> MarkAsync(LowCodeDbContext db, string id, string status, string? error, int? responseStatus, int attempts, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var pending = db.Outbox.Where(o => o.Id == id && o.Status == OutboxStatuses.Pending);
        var updated = status == OutboxStatuses.Sent
            ? await pending.ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, status).SetProperty(o => o.ResponseStatus, responseStatus).SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null).SetProperty(o => o.SentAt, now),
                cancellationToken).ConfigureAwait(false)
            : await pending.ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, status).SetProperty(o => o.LastError, error).SetProperty(o => o.ResponseStatus, responseStatus).SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseUntil, (DateTime?)null).SetProperty(o => o.FailedAt, now),
                cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    private async Task<T> ReadAsync<T>(Func<LowCodeDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await read(db).ConfigureAwait(false);
    }
}
