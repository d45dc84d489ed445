using System.Text.Json.Nodes;
using LowCode.Engine.Files;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    /// <summary>
    /// Checks a link token and gives the principal it makes: the holder of that one task. Unknown, revoked, used and
    /// expired tokens, and a token presented for another task than <paramref name="taskId"/>, are typed errors whose
    /// problem at <c>token</c> carries a <see cref="LinkErrorCodes"/> code.
    /// </summary>
    public async Task<RuntimeResult<Principal>> OpenLinkAsync(string token, string? taskId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var opened = await OpenLinkAsync(db, token, taskId, cancellationToken).ConfigureAwait(false);
        return opened.Error is { } error ? error : new RuntimeResult<Principal>(Principal.ForLink(opened.Value!.Email, opened.Value.TaskId, opened.Value.TokenHash));
    }

    /// <summary>The task a link opens, pre-filled, with the link's address and expiry.</summary>
    public async Task<RuntimeResult<LinkedTask>> GetTaskByLinkAsync(string token, string? taskId = null, CancellationToken cancellationToken = default)
    {
        ExternalLinkRecord link;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var opened = await OpenLinkAsync(db, token, taskId, cancellationToken).ConfigureAwait(false);
            if (opened.Error is { } error)
            {
                return error;
            }

            link = opened.Value!;
        }

        var task = await GetTaskAsync(link.TaskId, cancellationToken).ConfigureAwait(false);
        return task is null ? LinkError(RuntimeErrorKind.NotFound, LinkErrorCodes.Unknown, "The task this link opened no longer exists.") : new RuntimeResult<LinkedTask>(new LinkedTask(task, link.Email, Utc(link.ExpiresAt)));
    }

    /// <summary>Evaluates data against the form of the task a link opens, as the completion will (file ids included): the live check while the participant types.</summary>
    public async Task<RuntimeResult<FormEvaluation>> EvaluateFormByLinkAsync(string token, JsonObject? data, string? taskId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var opened = await OpenLinkAsync(db, token, taskId, cancellationToken).ConfigureAwait(false);
        if (opened.Error is { } error)
        {
            return error;
        }

        var task = await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == opened.Value!.TaskId, cancellationToken).ConfigureAwait(false);
        if (task.FormKey is not { } formKey || task.FormVersion is not { } formVersion
            || await _definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, formKey, formVersion, cancellationToken).ConfigureAwait(false) is not { } form)
        {
            return RuntimeError.Invalid($"Task '{task.Id}' has no form to evaluate.", new RuntimeProblem("token", "task.noForm", "Complete the task without data."));
        }

        var files = await FileCatalog.ForInstanceAsync(db, task.InstanceId, cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<FormEvaluation>(_forms.Evaluate(form, data ?? [], FormOptions(_clock.GetUtcNow()) with { Files = files }));
    }

    /// <summary>
    /// Completes the task a link opens, once: as <see cref="CompleteTaskAsync"/>, with the link's holder as the
    /// principal. A repeat with the same idempotency key gets the first result; any other use of the link afterwards is
    /// <see cref="LinkErrorCodes.Used"/>.
    /// </summary>
    public async Task<RuntimeResult<StepResult>> CompleteTaskByLinkAsync(
        string token,
        JsonObject? submission,
        string? outcome,
        string? idempotencyKey,
        string? taskId = null,
        CancellationToken cancellationToken = default)
    {
        ExternalLinkRecord link;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var opened = await OpenLinkAsync(db, token, taskId, cancellationToken).ConfigureAwait(false);
            if (opened.Error is { } error)
            {
                var used = error.Problems.Any(p => p.Code == LinkErrorCodes.Used);
                if (!used || idempotencyKey is null || await FindReplayAsync(db, CompleteOperation, idempotencyKey, cancellationToken).ConfigureAwait(false) is not { } replay
                    || replay.CompletedTaskId != await TaskOfTokenAsync(db, token, cancellationToken).ConfigureAwait(false))
                {
                    return error;
                }

                return new RuntimeResult<StepResult>(replay);
            }

            link = opened.Value!;
        }

        // Inside the completion's transaction the task must still carry this token's hash (TaskAccess.MayWork), so a
        // resend that commits first wins over a completion with the link it replaced.
        var principal = Principal.ForLink(link.Email, link.TaskId, link.TokenHash);
        var completed = await CompleteTaskAsync(link.TaskId, submission, outcome, idempotencyKey, principal, cancellationToken).ConfigureAwait(false);
        if (completed.Error is { Kind: RuntimeErrorKind.Forbidden or RuntimeErrorKind.Conflict })
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var again = await OpenLinkAsync(db, token, taskId, cancellationToken).ConfigureAwait(false);
            return again.Error ?? completed.Error;
        }

        return completed;
    }

    /// <summary>
    /// Sends a new link for an open task of an external participant; every earlier link of that step stops working.
    /// Who may: anyone who may see the instance (<see cref="TaskAccess.MaySee"/>); never a link holder.
    /// </summary>
    public async Task<RuntimeResult<IssuedLink>> ResendLinkAsync(string taskId, Principal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var writer = await EnterWriterAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return RuntimeError.NotFound($"There is no task '{taskId}'.");
        }

        var instance = await db.Instances.FirstAsync(i => i.Id == task.InstanceId, cancellationToken).ConfigureAwait(false);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == task.InstanceId).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (principal.Link is not null || !TaskAccess.MaySee(principal, task.Id, instance, tasks))
        {
            return RuntimeError.Forbidden($"{principal.Id} may not resend the link of task '{taskId}': only people who work on its instance may.");
        }

        if (task.CompletedAt is not null)
        {
            return RuntimeError.Conflict($"Task '{taskId}' was already completed by {task.CompletedBy} at {Utc(task.CompletedAt.Value):u}; its link is spent.");
        }

        var process = await _definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, instance.ProcessKey, instance.ProcessVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Task '{taskId}' belongs to process '{instance.ProcessKey}' version {instance.ProcessVersion}, which is missing from the database.");
        var step = process.Steps.First(s => s.Key == task.StepKey);
        if (step.Assignee?.External is null)
        {
            return RuntimeError.Invalid(
                $"Task '{taskId}' (step '{step.Key}') is not an external participant's task, so it has no link to resend.",
                new RuntimeProblem("taskId", LinkErrorCodes.NotExternal, "Resend links only for steps whose assignee is 'external'."));
        }

        var now = _clock.GetUtcNow();
        var state = InstanceState.Read(instance);
        var execution = new StepExecution(db, instance, process, state, now, principal.Id, _services);
        var before = task.ExternalTokenHash;
        await execution.ReissueLinkAsync(step, task, cancellationToken).ConfigureAwait(false);
        state.WriteTo(instance);
        task.ETag = StepExecution.NewId();
        instance.ETag = StepExecution.NewId();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RuntimeError.Conflict($"Task '{taskId}' changed while its link was being resent; read it again and retry.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (task.ExternalTokenHash == before || task.ExternalEmail is null)
        {
            return RuntimeError.Invalid(
                $"Task '{taskId}' has no usable address: the step's address '{step.Assignee.External.Email}' does not give an e-mail address (see the instance's EXTERNAL_EMAIL_UNRESOLVED exception).",
                new RuntimeProblem("taskId", "link.noAddress", "Correct the address in the instance data, then resend."));
        }

        var link = await db.ExternalLinks.AsNoTracking().FirstAsync(l => l.TokenHash == task.ExternalTokenHash, cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<IssuedLink>(new IssuedLink(task.Id, link.Email, Utc(link.ExpiresAt)));
    }

    private async Task<RuntimeResult<ExternalLinkRecord>> OpenLinkAsync(LowCodeDbContext db, string token, string? taskId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return LinkError(RuntimeErrorKind.NotFound, LinkErrorCodes.Unknown, "No link token was given; open the task from the link in your e-mail.");
        }

        var hash = LinkToken.Hash(token);
        var found = await db.ExternalLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Select(l => new { Link = l, TaskCompletedAt = db.Tasks.Where(t => t.Id == l.TaskId).Select(t => t.CompletedAt).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (found is null)
        {
            return LinkError(RuntimeErrorKind.NotFound, LinkErrorCodes.Unknown, "This link is not valid. Check that the whole address was copied from the e-mail.");
        }

        var link = found.Link;
        if (taskId is not null && taskId != link.TaskId)
        {
            return LinkError(RuntimeErrorKind.Forbidden, LinkErrorCodes.WrongTask, $"This link opens another task, not '{taskId}'. A link opens only the task it was sent for.");
        }

        if (link.RevokedAt is { } revoked)
        {
            return LinkError(RuntimeErrorKind.Forbidden, LinkErrorCodes.Revoked, $"This link was replaced by a newer one sent to {link.Email} at {Utc(revoked):u}. Use the link in the latest e-mail.");
        }

        if (found.TaskCompletedAt is { } completed)
        {
            return LinkError(RuntimeErrorKind.Conflict, LinkErrorCodes.Used, $"This link was already used: the task was completed at {Utc(completed):u}. A link completes its task once.");
        }

        if (_clock.GetUtcNow() >= Utc(link.ExpiresAt))
        {
            return LinkError(RuntimeErrorKind.Forbidden, LinkErrorCodes.Expired, $"This link expired at {Utc(link.ExpiresAt):u}. Ask the sender to send a new link.");
        }

        return new RuntimeResult<ExternalLinkRecord>(link);
    }

    private static async Task<string?> TaskOfTokenAsync(LowCodeDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = LinkToken.Hash(token);
        return await db.ExternalLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => l.TaskId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private static RuntimeError LinkError(RuntimeErrorKind kind, string code, string message) =>
        new(kind, message, [new RuntimeProblem("token", code, message)]);
}
