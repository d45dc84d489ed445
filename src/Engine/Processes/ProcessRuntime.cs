using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

/// <summary>
/// Runs published processes: starts instances, completes, claims, releases and reassigns tasks, and reads instances,
/// tasks and inboxes. Every call that changes state is one database transaction (state, tasks and events commit
/// together); results are typed and a user's mistake never throws. See docs/runtime.md.
/// </summary>
public sealed partial class ProcessRuntime : IDisposable
{
    private const int ConcurrencyRetries = 3;
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web);

    private readonly IDbContextFactory<LowCodeDbContext> _contexts;
    private readonly FormEvaluator _forms;
    private readonly DefinitionCache _definitions;
    private readonly TimeProvider _clock;
    private readonly RuntimeHooks _hooks;
    private readonly StepServices _services;

    // SQLite admits one writer at a time and makes the others sleep and retry; queueing this node's writers here
    // instead keeps the wait fair and short. PostgreSQL needs no gate: row locks and ETags order its writers. Starts and
    // completions, the steps that run most, write through the committer (group commit), which holds this gate per batch.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly Lock _committerLock = new();
    private SqliteStepCommitter? _committer;

    public ProcessRuntime(
        IDbContextFactory<LowCodeDbContext> contexts,
        FormEvaluator forms,
        IExpressionEvaluator expressions,
        RuleSetCache ruleSets,
        DefinitionCache definitions,
        TimeProvider clock,
        RuntimeOptions options,
        RuntimeHooks hooks,
        IExternalLinkDelivery? links = null)
    {
        _contexts = contexts;
        _forms = forms;
        _definitions = definitions;
        _clock = clock;
        _hooks = hooks;
        _services = new StepServices(expressions, ruleSets, definitions, options, links ?? new CapturedExternalLinks());
    }

    private RuntimeOptions Options => _services.Options;

    public void Dispose()
    {
        lock (_committerLock)
        {
            _committer?.Dispose();
            _committer = null;
        }

        _sqliteWriter.Dispose();
    }

    /// <summary>On SQLite, the node's committer (opened on first use); on PostgreSQL, null: a step writes in its own transaction.</summary>
    private SqliteStepCommitter? Committer(LowCodeDbContext db)
    {
        if (db is not SqliteLowCodeDbContext)
        {
            return null;
        }

        lock (_committerLock)
        {
            return _committer ??= new SqliteStepCommitter(db.Database.GetConnectionString()!, _sqliteWriter);
        }
    }

    /// <summary>
    /// The transaction a start or completion decides in: on PostgreSQL its own, begun now, so every read of the step
    /// and its writes commit together; on SQLite none, since the committer writes the step with others' in one
    /// transaction and checks there what the step's decisions depended on.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginDecidingAsync(LowCodeDbContext db, SqliteStepCommitter? committer, CancellationToken cancellationToken) =>
        committer is null ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;

    /// <summary>On SQLite, waits for this node's turn to write; the returned handle ends it.</summary>
    private async Task<IDisposable?> EnterWriterAsync(LowCodeDbContext db, CancellationToken cancellationToken)
    {
        if (db is not SqliteLowCodeDbContext)
        {
            return null;
        }

        await _sqliteWriter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriterTurn(_sqliteWriter);
    }

    private sealed class WriterTurn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private FormEvaluationOptions FormOptions(DateTimeOffset now) => new() { Now = now, TimeZone = Options.TimeZone };

    /// <summary>
    /// The frame every step runs in: a context on one connection, the idempotency replay, the step itself, and a retry
    /// when another transaction changed what the step read (a concurrency token or unique key refused the commit).
    /// </summary>
    private async Task<RuntimeResult<StepResult>> RunStepAsync(
        string operation,
        string? idempotencyKey,
        Func<StepResult, RuntimeResult<StepResult>> replayed,
        Func<LowCodeDbContext, Task<RuntimeResult<StepResult>>> step,
        string keptChanging,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

            // One connection for the whole step: left to itself EF Core opens and closes it around every query, and
            // each open runs the connection's setup again (on SQLite, the synchronous pragma).
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // A key is looked up only once it may be taken: the first call with a key (nearly every call) has nothing
            // stored, and its step stores the key in the same commit as its work, so a repeat cannot slip past. A
            // repeat of a call already committed either meets that call's work (an error, looked up below) or is
            // refused at its commit by the key's unique index and comes back here as a retry.
            if (attempt > 0 && await FindReplayAsync(db, operation, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return replayed(replay);
            }

            if (idempotencyKey is not null && _hooks.AfterReplayLookupAsync is { } afterLookup)
            {
                await afterLookup(operation, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var result = await step(db).ConfigureAwait(false);

                // The same call with the key, committed before this one read its rows (a repeat, or a client retrying
                // early, maybe through another node): the error this step met (the task already completed) is that
                // call's own work, and its result is this call's answer.
                if (result.Error is not null
                    && await FindReplayAsync(db, operation, idempotencyKey, cancellationToken).ConfigureAwait(false) is { } late)
                {
                    return replayed(late);
                }

                return result;
            }
            catch (DbUpdateException ex)
            {
                // Reading again tells what the other transaction did: a task completed or still open, a key now taken,
                // a definition published again (then every latest version this node remembered is read afresh).
                if (ex is DefinitionChangedException)
                {
                    _services.RuleSets.Forget();
                    _definitions.ForgetLatest();
                }

                if (attempt >= ConcurrencyRetries)
                {
                    return RuntimeError.Conflict(keptChanging);
                }
            }
        }
    }

    private static async Task<StepResult?> FindReplayAsync(LowCodeDbContext db, string operation, string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return null;
        }

        var stored = await StoredResult.For(db)(db, operation, key, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<StepResult>(stored, ResultJson)! with { Replayed = true };
    }

    // Looked up before every step a client sends with a key, so compiled once rather than translated each time.
    private static readonly ProviderCompiled<Func<LowCodeDbContext, string, string, CancellationToken, Task<string?>>> StoredResult = new(() => EF.CompileAsyncQuery(
        (LowCodeDbContext db, string operation, string key, CancellationToken _) => db.IdempotencyKeys.AsNoTracking()
            .Where(k => k.Operation == operation && k.Key == key)
            .Select(k => k.Result)
            .FirstOrDefault()));

    private void Remember(LowCodeDbContext db, string operation, string? key, StepResult result)
    {
        if (key is not null)
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                Operation = operation,
                Key = key,
                Result = JsonSerializer.Serialize(result, ResultJson),
                CreatedAt = _clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    private static StepResult Result(InstanceRecord instance, string? completedTask, StepExecution execution) => new(
        instance.Id,
        completedTask,
        instance.Status,
        [.. execution.CreatedTasks.Select(t => t.Id)],
        [.. execution.State.Positions],
        CreatedTasks: [.. execution.CreatedTasks.Select(t => ToWorkTask(t, instance, execution.Process))]);

    private static RuntimeProblem[] Problems(IEnumerable<FormError> errors) =>
        [.. errors.Select(e => new RuntimeProblem(e.Path, e.Code, e.Message))];

    private static JsonObject? ParseObject(string? json) => json is null ? null : JsonNode.Parse(json)?.AsObject();

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private static WorkTask ToWorkTask(TaskRecord task, InstanceRecord? instance, ProcessDefinition? process)
    {
        var step = process?.Steps.FirstOrDefault(s => s.Key == task.StepKey);
        var status = task.Status == nameof(WorkTaskStatus.Cancelled) ? WorkTaskStatus.Cancelled : task.CompletedAt is not null ? WorkTaskStatus.Completed : task.ClaimedAt is not null ? WorkTaskStatus.Claimed : WorkTaskStatus.Open;
        return new WorkTask(
            task.Id,
            task.InstanceId,
            instance?.ProcessKey ?? string.Empty,
            task.StepKey,
            step?.Name,
            step?.Type ?? string.Empty,
            task.FormKey,
            task.FormVersion,
            status,
            task.AssigneeRole,
            task.AssigneeUser,
            step is null ? [] : StepExecution.Outcomes(step),
            Utc(task.CreatedAt),
            Utc(task.ClaimedAt),
            Utc(task.DueAt),
            Utc(task.CompletedAt),
            task.CompletedBy,
            task.Outcome,
            ParseObject(task.Data),
            task.ETag);
    }

    private static ProcessInstance ToProcessInstance(InstanceRecord instance, ImmutableArray<WorkTask> openTasks) => new(
        instance.Id,
        instance.ProcessKey,
        instance.ProcessVersion,
        instance.BusinessKey,
        instance.Status,
        ParseObject(instance.Data) ?? [],
        InstanceState.ReadPinnedForms(instance),
        InstanceState.ReadPositions(instance),
        InstanceState.ReadExceptions(instance),
        openTasks,
        instance.StartedBy,
        Utc(instance.StartedAt),
        Utc(instance.CompletedAt),
        Utc(instance.DueAt));

    private static ImmutableArray<string> Groups(Principal principal) => principal.Groups.IsDefault ? [] : principal.Groups;
}
