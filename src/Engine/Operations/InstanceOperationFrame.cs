using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations;

/// <summary>
/// Runs one operation on one instance as one transaction, like a step: the instance row (its ETag guards against a
/// concurrent step), its state, a <see cref="StepExecution"/> acting as the operator, and the events, committed
/// together or not at all. An operation that returns an error leaves nothing behind.
/// </summary>
internal sealed class InstanceOperationFrame(
    IDbContextFactory<LowCodeDbContext> contexts,
    IExpressionEvaluator expressions,
    RuleSetCache ruleSets,
    DefinitionCache definitions,
    RuntimeOptions options,
    TimeProvider clock,
    IExternalLinkDelivery links)
{
    private const int ConcurrencyRetries = 3;

    private readonly StepServices _services = new(expressions, ruleSets, definitions, options, links);

    public DefinitionCache Definitions => definitions;

    public async Task<RuntimeResult<OperationResult>> RunAsync(
        string instanceId,
        OperationRequest request,
        Func<InstanceScope, Task<RuntimeError?>> operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Check() is { } missingReason)
        {
            return missingReason;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
            if (instance is null)
            {
                return RuntimeError.NotFound($"There is no instance '{instanceId}'.");
            }

            var process = await definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Instance '{instanceId}' is pinned to process '{instance.ProcessKey}' version {instance.ProcessVersion}, which is missing from the database.");
            var now = clock.GetUtcNow();
            var state = InstanceState.Read(instance);
            var execution = new StepExecution(db, instance, process, state, now, request.Principal.Id, _services);
            var scope = new InstanceScope(db, instance, process, state, execution, now, request);
            if (await operation(scope).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            state.WriteTo(instance);
            instance.ETag = StepExecution.NewId();
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < ConcurrencyRetries)
            {
                continue;
            }
            catch (DbUpdateException)
            {
                return RuntimeError.Conflict($"Instance '{instanceId}' kept changing while the operation ran; read it again and retry.");
            }

            return new RuntimeResult<OperationResult>(new OperationResult(
                instance.Id,
                instance.Status,
                [.. state.Positions],
                [.. execution.CreatedTasks.Select(t => t.Id)],
                [.. state.Exceptions.Select(e => e.Code)]));
        }
    }
}

/// <summary>What an operation works on inside its transaction.</summary>
internal sealed record InstanceScope(
    LowCodeDbContext Db,
    InstanceRecord Instance,
    ProcessDefinition Process,
    InstanceState State,
    StepExecution Execution,
    DateTimeOffset Now,
    OperationRequest Request)
{
    public string Reason => Request.Reason!.Trim();

    public bool IsRunning => Instance.Status == InstanceStatuses.Running;

    public RuntimeError NotRunning(string operation) => RuntimeError.Conflict(
        $"Instance '{Instance.Id}' is {Instance.Status}; only a running instance can be {operation}.");

    public Task<List<TaskRecord>> OpenTasksAsync(CancellationToken cancellationToken) =>
        Db.Tasks.Where(t => t.InstanceId == Instance.Id && t.CompletedAt == null).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Closes a task without a completion: it leaves every inbox, and the log says who closed it and why.</summary>
    public void CancelTask(TaskRecord task)
    {
        task.Status = nameof(WorkTaskStatus.Cancelled);
        task.CompletedAt = Now.UtcDateTime;
        task.CompletedBy = Request.Principal.Id;
        task.ETag = StepExecution.NewId();
        State.Positions.Remove(task.StepKey);
        Execution.Append(OperationEventTypes.TaskCancelled, new JsonObject { ["reason"] = Reason }, task.StepKey, task.Id);
    }

    /// <summary>Closes the open exceptions that match, each with an <c>exceptionResolved</c> event naming the reason.</summary>
    public List<ExceptionEntry> ResolveExceptions(Func<ExceptionEntry, bool> match)
    {
        var resolved = State.Exceptions.Where(match).ToList();
        foreach (var exception in resolved)
        {
            State.Exceptions.Remove(exception);
            Execution.Append(EventTypes.ExceptionResolved, new JsonObject { ["code"] = exception.Code, ["rule"] = null, ["reason"] = Reason }, exception.Step);
        }

        return resolved;
    }

    /// <summary>Appends an operation's event; its payload always carries the operator's reason.</summary>
    public void Append(string type, JsonObject payload, string? stepKey)
    {
        payload["reason"] = Reason;
        Execution.Append(type, payload, stepKey);
    }
}
