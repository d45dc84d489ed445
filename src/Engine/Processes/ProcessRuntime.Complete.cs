using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    public const string CompleteOperation = "completeTask";

    private static readonly IReadOnlyDictionary<string, Forms.FormFile> NoFiles = new Dictionary<string, Forms.FormFile>(StringComparer.Ordinal);

    /// <summary>
    /// Completes a task with a form submission (validated against the task's pinned form: a failing submission
    /// changes nothing and returns every error) and, for an approval, an outcome; then routes the instance on, all in
    /// one transaction. Of two completions of one task exactly one wins; the other gets a conflict.
    /// </summary>
    /// <param name="taskId">The task.</param>
    /// <param name="submission">The form data.</param>
    /// <param name="outcome">The approval's outcome (one of the step's outcomes), or a transition name of a form task.</param>
    /// <param name="idempotencyKey">Repeating the call with the same key returns the first result and changes nothing.</param>
    /// <param name="principal">Who completes it: the task's user, or a member of its role while nobody holds it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<RuntimeResult<StepResult>> CompleteTaskAsync(
        string taskId,
        JsonObject? submission,
        string? outcome,
        string? idempotencyKey,
        Principal principal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return await RunStepAsync(
            CompleteOperation,
            idempotencyKey,
            replay => replay.CompletedTaskId == taskId
                ? new RuntimeResult<StepResult>(replay)
                : RuntimeError.Invalid($"Idempotency key '{idempotencyKey}' was already used to complete task '{replay.CompletedTaskId}'. Use a new key for each completion.", new RuntimeProblem("idempotencyKey", "idempotency.reused", "Use a new key for each completion.")),
            db => CompleteOnceAsync(db, taskId, submission, outcome, idempotencyKey, principal, cancellationToken),
            $"Task '{taskId}' or its instance kept changing while it was being completed; read the task again.",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult<StepResult>> CompleteOnceAsync(
        LowCodeDbContext db,
        string taskId,
        JsonObject? submission,
        string? outcome,
        string? idempotencyKey,
        Principal principal,
        CancellationToken cancellationToken)
    {
        // The task and its instance are read once, tracked, before the write transaction, so form evaluation stays
        // outside the writer's turn without reading them again inside it: both rows carry a concurrency token, so if
        // another step changed either in between, this commit updates no row, fails, and the step runs again.
        var row = await TaskWithInstance.For(db)(db, taskId, cancellationToken).ConfigureAwait(false);
        if (Unworkable(row?.Task, taskId, principal) is { } early)
        {
            return early;
        }

        var (task, instance) = (row!.Task, row.Instance);
        var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Task '{taskId}' belongs to process '{instance.ProcessKey}' version {instance.ProcessVersion}, which is missing from the database.");
        var step = process.Steps.First(s => s.Key == task.StepKey);
        if (CheckOutcome(step, outcome) is { } wrongOutcome)
        {
            return wrongOutcome;
        }

        var now = _clock.GetUtcNow();
        var values = new JsonObject();
        if (task.FormKey is { } formKey && task.FormVersion is { } formVersion)
        {
            var form = await _definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, formKey, formVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Task '{taskId}' is pinned to form '{formKey}' version {formVersion}, which is missing from the database.");
            // The uploads are read only for a form that can refer to them (a query per completion otherwise).
            var files = _forms.HasFileFields(form)
                ? await Files.FileCatalog.ForInstanceAsync(db, task.InstanceId, cancellationToken).ConfigureAwait(false)
                : NoFiles;
            var evaluation = _forms.Evaluate(form, submission ?? [], FormOptions(now) with { Files = files });
            if (!evaluation.IsValid)
            {
                return RuntimeError.Invalid(
                    $"The submission has {evaluation.Errors.Length} error{(evaluation.Errors.Length == 1 ? string.Empty : "s")}; the task was not completed.",
                    Problems(evaluation.Errors));
            }

            values = evaluation.Values;
        }

        var state = InstanceState.Read(instance);
        DataPaths.Merge(state.Data, values);
        if (state.Data["steps"] is not JsonObject steps)
        {
            steps = [];
            state.Data["steps"] = steps;
        }

        steps[step.Key] = values.DeepClone();
        state.Positions.Remove(step.Key);

        task.Status = nameof(WorkTaskStatus.Completed);
        task.CompletedAt = now.UtcDateTime;
        task.CompletedBy = principal.Id;
        task.AssigneeUser ??= principal.Id;
        task.Outcome = outcome;
        task.Data = values.ToJsonString();
        task.ETag = StepExecution.NewId();
        instance.ETag = StepExecution.NewId();

        var execution = new StepExecution(db, instance, process, state, now, principal.Id, _services) { RuleSetsCheckedAtCommit = true };
        execution.Append(EventTypes.TaskCompleted, new JsonObject { ["outcome"] = outcome, ["formKey"] = task.FormKey, ["formVersion"] = task.FormVersion, ["data"] = values.DeepClone() }, step.Key, task.Id);

        // Routing reads the rule set version in force; the write checks it is still the latest when it commits.
        var committer = Committer(db);
        var transaction = await BeginDecidingAsync(db, committer, cancellationToken).ConfigureAwait(false);
        try
        {
            if (_hooks.SplitStepCommit)
            {
                // The deliberate fault: the completion commits on its own, and the routing in a second transaction.
                state.WriteTo(instance);
                await StepWriter.SaveAsync(db, committer, [], cancellationToken).ConfigureAwait(false);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = await BeginDecidingAsync(db, committer, cancellationToken).ConfigureAwait(false);
                }

                instance.ETag = StepExecution.NewId();
            }

            await execution.RouteAsync(step, outcome, cancellationToken).ConfigureAwait(false);
            state.WriteTo(instance);
            var result = Result(instance, task.Id, execution);
            Remember(db, CompleteOperation, idempotencyKey, result);
            if (_hooks.BeforeCommitAsync is { } beforeCommit)
            {
                await beforeCommit(CompleteOperation, cancellationToken).ConfigureAwait(false);
            }

            await StepWriter.SaveAsync(db, committer, execution.RuleSetsRead, cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            Telemetry.LowCodeMetrics.TaskCompletions.Add(1, new KeyValuePair<string, object?>("process", instance.ProcessKey));
            Telemetry.LowCodeMetrics.Decisions.Add(execution.Decisions, new KeyValuePair<string, object?>("process", instance.ProcessKey));
            return new RuntimeResult<StepResult>(result);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A task and its instance, both tracked, in one query compiled once, with the analytics fact rows the completion
    /// updates (the task's visit and the instance's summary): tracked here, the facts find them in the change tracker
    /// instead of reading each by key inside the writer's turn. Neither needs a token of its own: every step that
    /// changes them also changes the task's or the instance's ETag, which guards this step's commit.
    /// </summary>
    private static readonly ProviderCompiled<Func<LowCodeDbContext, string, CancellationToken, Task<TaskRow?>>> TaskWithInstance = new(() => EF.CompileAsyncQuery(
        (LowCodeDbContext db, string id, CancellationToken _) =>
        (from t in db.Tasks
         where t.Id == id
         join i in db.Instances on t.InstanceId equals i.Id
         join taskFact in db.Set<AnalyticsTaskRecord>() on t.Id equals taskFact.TaskId into taskFacts
         from taskFact in taskFacts.DefaultIfEmpty()
         join instanceFact in db.Set<AnalyticsInstanceRecord>() on i.Id equals instanceFact.InstanceId into instanceFacts
         from instanceFact in instanceFacts.DefaultIfEmpty()
         select new TaskRow(t, i, taskFact, instanceFact)).FirstOrDefault()));

    private sealed record TaskRow(TaskRecord Task, InstanceRecord Instance, AnalyticsTaskRecord? TaskFact, AnalyticsInstanceRecord? InstanceFact);

    /// <summary>Why <paramref name="task"/> cannot be completed by <paramref name="principal"/>, or null when it can.</summary>
    private static RuntimeError? Unworkable(TaskRecord? task, string taskId, Principal principal)
    {
        if (task is null)
        {
            return RuntimeError.NotFound($"There is no task '{taskId}'.");
        }

        if (task.Status == nameof(WorkTaskStatus.Cancelled))
        {
            return RuntimeError.Conflict($"Task '{taskId}' was cancelled by {task.CompletedBy} at {Utc(task.CompletedAt!.Value):u}; open the instance to see where it waits now.");
        }

        if (task.CompletedAt is not null)
        {
            return RuntimeError.Conflict($"Task '{taskId}' was already completed by {task.CompletedBy} at {Utc(task.CompletedAt.Value):u}.");
        }

        return MayWork(task, principal) ? null : RuntimeError.Forbidden(WhoMayWork(task, principal));
    }

    private static RuntimeError? CheckOutcome(StepDefinition step, string? outcome)
    {
        var outcomes = StepExecution.Outcomes(step);
        if (step.ParsedType() == StepType.Approval)
        {
            if (outcome is null || !outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                var allowed = string.Join(", ", outcomes.Select(o => $"'{o}'"));
                return RuntimeError.Invalid(
                    $"Approval step '{step.Key}' needs an outcome: one of {allowed}.",
                    new RuntimeProblem("outcome", outcome is null ? "outcome.required" : "outcome.unknown", $"Choose one of {allowed}{(outcome is null ? string.Empty : $" instead of '{outcome}'")}."));
            }
        }
        else if (outcome is not null && !step.Transitions.ContainsKey(outcome))
        {
            var allowed = step.Transitions.IsEmpty ? "none" : string.Join(", ", step.Transitions.Keys.Select(o => $"'{o}'"));
            return RuntimeError.Invalid(
                $"Step '{step.Key}' has no outcome '{outcome}' (its outcomes: {allowed}).",
                new RuntimeProblem("outcome", "outcome.unknown", $"Leave the outcome out, or choose one of: {allowed}."));
        }

        return null;
    }
}
