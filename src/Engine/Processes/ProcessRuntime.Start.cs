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
    public const string StartOperation = "startProcess";

    /// <summary>
    /// Starts an instance of the latest published version of <paramref name="processKey"/>, pinned to it and to the
    /// latest published version of every form its steps use, and runs it to its first waiting point.
    /// </summary>
    /// <param name="processKey">The process to start.</param>
    /// <param name="data">Initial instance data (optional).</param>
    /// <param name="businessKey">The caller's identifier for the case; a second running or finished instance of the same process with it is a conflict.</param>
    /// <param name="idempotencyKey">Repeating a start with the same key returns the first result and starts nothing.</param>
    /// <param name="principal">Who starts it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<RuntimeResult<StepResult>> StartAsync(
        string processKey,
        JsonObject? data,
        string? businessKey,
        string? idempotencyKey,
        Principal principal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);

        // A concurrent start with the same idempotency or business key that committed first makes this one's commit
        // fail; the retry finds its result or reports the duplicate business key.
        return await RunStepAsync(
            StartOperation,
            idempotencyKey,
            replay => new RuntimeResult<StepResult>(replay),
            db => StartOnceAsync(db, processKey, data, businessKey, idempotencyKey, principal, cancellationToken),
            $"Starting process '{processKey}' kept colliding with concurrent starts; try again.",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<RuntimeResult<StepResult>> StartOnceAsync(
        Storage.LowCodeDbContext db,
        string processKey,
        JsonObject? data,
        string? businessKey,
        string? idempotencyKey,
        Principal principal,
        CancellationToken cancellationToken)
    {
        var committer = Committer(db);
        await using var transaction = await BeginDecidingAsync(db, committer, cancellationToken).ConfigureAwait(false);
        var read = new List<DefinitionRead>();
        if (await LatestCheckedAsync(db, DefinitionKind.Process, processKey, read, cancellationToken).ConfigureAwait(false) is not { } version
            || await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, processKey, version, cancellationToken).ConfigureAwait(false) is not { } process)
        {
            await ThrowIfStaleAsync(db, read, cancellationToken).ConfigureAwait(false);
            return RuntimeError.NotFound($"There is no published process '{processKey}'. Publish it first (a draft cannot be started).");
        }

        if (businessKey is not null && await db.Instances.AnyAsync(i => i.ProcessKey == processKey && i.BusinessKey == businessKey, cancellationToken).ConfigureAwait(false))
        {
            return RuntimeError.Conflict($"Process '{processKey}' already has an instance with business key '{businessKey}'. Use another key, or open that instance.");
        }

        var pinned = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<RuntimeProblem>();
        for (var i = 0; i < process.Steps.Length; i++)
        {
            if (process.Steps[i].Form is { } form && !pinned.ContainsKey(form))
            {
                if (await LatestCheckedAsync(db, DefinitionKind.Form, form, read, cancellationToken).ConfigureAwait(false) is { } formVersion)
                {
                    pinned[form] = formVersion;
                }
                else
                {
                    problems.Add(new RuntimeProblem($"$.steps[{i}].form", "form.notPublished", $"Step '{process.Steps[i].Key}' uses form '{form}', which has no published version. Publish the form, then start again."));
                }
            }
        }

        if (problems.Count > 0)
        {
            await ThrowIfStaleAsync(db, read, cancellationToken).ConfigureAwait(false);
            return RuntimeError.Invalid($"Process '{processKey}' cannot start: {problems.Count} of its forms {(problems.Count == 1 ? "is" : "are")} not published.", [.. problems]);
        }

        var now = _clock.GetUtcNow();
        var instance = new InstanceRecord
        {
            Id = StepExecution.NewId(),
            ProcessKey = processKey,
            ProcessVersion = version,
            BusinessKey = businessKey,
            Status = InstanceStatuses.Running,
            Data = (data ?? []).ToJsonString(),
            PinnedForms = InstanceState.WritePinnedForms(pinned),
            StartedBy = principal.Id,
            StartedAt = now.UtcDateTime,
            DueAt = process.Sla is { } sla && IsoDuration.TryParse(sla, out var duration, out _) ? (now + duration).UtcDateTime : null,
            ETag = StepExecution.NewId(),
        };
        db.Instances.Add(instance);
        var execution = new StepExecution(db, instance, process, InstanceState.Read(instance), now, principal.Id, _services) { RuleSetsCheckedAtCommit = true };
        execution.Append(
            EventTypes.InstanceStarted,
            new JsonObject
            {
                ["businessKey"] = businessKey,
                ["data"] = (data ?? []).DeepClone(),
                ["pinnedForms"] = JsonNode.Parse(instance.PinnedForms),
            },
            null);
        if (process.StartStep() is { } start)
        {
            await execution.EnterAsync(start, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            execution.Raise("NO_ROUTE", $"Process '{processKey}' has no steps to start at.", "error", null, null);
        }

        execution.State.WriteTo(instance);
        var result = Result(instance, null, execution);
        Remember(db, StartOperation, idempotencyKey, result);
        if (_hooks.BeforeCommitAsync is { } beforeCommit)
        {
            await beforeCommit(StartOperation, cancellationToken).ConfigureAwait(false);
        }

        await StepWriter.SaveAsync(db, committer, [.. read, .. execution.RuleSetsRead], cancellationToken).ConfigureAwait(false);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        Telemetry.LowCodeMetrics.InstancesStarted.Add(1, new KeyValuePair<string, object?>("process", instance.ProcessKey));
        Telemetry.LowCodeMetrics.Decisions.Add(execution.Decisions, new KeyValuePair<string, object?>("process", instance.ProcessKey));
        return new RuntimeResult<StepResult>(result);
    }

    /// <summary>
    /// Before a start answers with an error that depends on the versions it pinned (a form of the process unpublished),
    /// checks them as its commit would: a version this node remembered and another node replaced sends the start round
    /// again on fresh reads, instead of answering from a stale version with no commit to correct it.
    /// </summary>
    private static async Task ThrowIfStaleAsync(Storage.LowCodeDbContext db, List<DefinitionRead> read, CancellationToken cancellationToken)
    {
        foreach (var (kind, key, version) in read)
        {
            if (await DefinitionCache.LatestPublishedAsync(db, kind, key, cancellationToken).ConfigureAwait(false) != version)
            {
                throw new DefinitionChangedException(kind, key, $"The {kind.ToString().ToLowerInvariant()} '{key}' was published again while the start was being decided; the start runs again on the latest version.");
            }
        }
    }

    /// <summary>
    /// The latest published version of a definition a start pins, recorded in <paramref name="read"/> so its commit
    /// checks it is still the latest: the version this node last read is trusted for deciding.
    /// </summary>
    private async Task<int?> LatestCheckedAsync(Storage.LowCodeDbContext db, DefinitionKind kind, string key, List<DefinitionRead> read, CancellationToken cancellationToken)
    {
        var version = await _definitions.LatestAsync(db, kind, key, checkedAtCommit: true, cancellationToken).ConfigureAwait(false);
        read.Add(new DefinitionRead(kind, key, version));
        return version;
    }
}
