using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

public sealed partial class ProcessRuntime
{
    /// <summary>
    /// Resumes an instance waiting at a <c>signal</c> step named <paramref name="signal"/>. The instance is given by id,
    /// or by business key (with the process key when several processes use that business key). The caller must belong
    /// to one of <see cref="BoundaryOptions.SignalGroups"/>; an outside system without an account uses a resume URL's
    /// token instead (<see cref="SignalWithTokenAsync"/>). The signal's data is kept under <c>signals.&lt;name&gt;</c>.
    /// </summary>
    public async Task<RuntimeResult<StepResult>> SignalAsync(
        string signal,
        string? instanceId,
        string? processKey,
        string? businessKey,
        JsonObject? data,
        Principal principal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var groups = Options.Boundaries.SignalGroups;
        if (!groups.Any(principal.InGroup))
        {
            return RuntimeError.Forbidden($"{principal.Id} may not send signals: that needs membership of {string.Join(" or ", groups.Select(g => $"'{g}'"))}. An outside system can use the resume URL its webhook received.");
        }

        if (instanceId is null)
        {
            if (businessKey is null)
            {
                return RuntimeError.Invalid("Say which instance the signal is for: its id, or its business key.", new RuntimeProblem("instanceId", "signal.noInstance", "Give instanceId, or businessKey (and processKey when several processes use it)."));
            }

            var matches = await ReadAsync(db => db.Instances.AsNoTracking()
                .Where(i => i.BusinessKey == businessKey && (processKey == null || i.ProcessKey == processKey))
                .Select(i => i.Id).Take(2).ToListAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            switch (matches.Count)
            {
                case 0:
                    return RuntimeError.NotFound($"There is no instance with business key '{businessKey}'{(processKey is null ? string.Empty : $" in process '{processKey}'")}.");
                case > 1:
                    return RuntimeError.Invalid($"Several processes have an instance with business key '{businessKey}'; give the process key too.", new RuntimeProblem("processKey", "signal.ambiguous", "Give processKey."));
                default:
                    instanceId = matches[0];
                    break;
            }
        }

        return await DeliverSignalAsync(instanceId, signal, data, principal.Id, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the signal a resume URL's single-purpose token was made for, to the instance it was made for; the token is
    /// spent by the signal it delivers (a second use, an expired or an unknown token is refused).
    /// </summary>
    public async Task<RuntimeResult<StepResult>> SignalWithTokenAsync(string token, JsonObject? data, CancellationToken cancellationToken = default)
    {
        var hash = StepExecution.HashToken(token ?? string.Empty);
        var record = await ReadAsync(db => db.SignalTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return RuntimeError.NotFound("This resume link is not known. Use the link from the latest message you received.");
        }

        if (record.UsedAt is { } used)
        {
            return RuntimeError.Conflict($"This resume link was already used at {Utc(used):u}; it works once.");
        }

        if (Utc(record.ExpiresAt) <= _clock.GetUtcNow())
        {
            return RuntimeError.Forbidden($"This resume link expired at {Utc(record.ExpiresAt):u}.");
        }

        return await DeliverSignalAsync(record.InstanceId, record.Signal, data, $"token:{record.Signal}", hash, cancellationToken).ConfigureAwait(false);
    }

    private Task<RuntimeResult<StepResult>> DeliverSignalAsync(string instanceId, string signal, JsonObject? data, string actor, string? tokenHash, CancellationToken cancellationToken) =>
        ContinueAsync(instanceId, actor, async (db, execution, process, ct) =>
        {
            var step = process.Steps.FirstOrDefault(s => s.ParsedType() == StepType.Signal && s.Signal == signal && execution.State.Positions.Contains(s.Key));
            if (step is null || execution.Instance.Status != InstanceStatuses.Running)
            {
                var where = execution.State.Positions.Count == 0 ? "nowhere" : string.Join(", ", execution.State.Positions.Select(p => $"'{p}'"));
                return RuntimeError.Conflict($"Instance '{instanceId}' is not waiting for signal '{signal}' (it is {execution.Instance.Status}, waiting at {where}).");
            }

            if (tokenHash is not null)
            {
                var now = _clock.GetUtcNow().UtcDateTime;
                if (await db.SignalTokens.Where(t => t.TokenHash == tokenHash && t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct).ConfigureAwait(false) == 0)
                {
                    return RuntimeError.Conflict("This resume link was already used; it works once.");
                }
            }

            if (execution.State.Data["signals"] is not JsonObject signals)
            {
                signals = [];
                execution.State.Data["signals"] = signals;
            }

            signals[signal] = data?.DeepClone() ?? new JsonObject();
            await execution.ReactAsync(EventTypes.SignalReceived, step, new JsonObject { ["signal"] = signal, ["data"] = data?.DeepClone() }, ct).ConfigureAwait(false);
            await execution.ResumeAsync(step, null, ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);
}
