using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.Erasure;

/// <summary>
/// Removes an ended instance's personal data and keeps its skeleton, in one transaction: the instance data, the
/// business key, every task's submission and external e-mail, and the personal values in its event payloads
/// (<see cref="PersonalData"/>) go; the steps, times, outcomes, routes, rules fired and actors stay, so cycle time,
/// throughput and conformance still count it. This is the one rewrite of the append-only event log; an
/// <c>instanceErased</c> event records who did it and why. See docs/runtime.md, Personal data.
/// </summary>
public sealed class InstanceErasure(IDbContextFactory<LowCodeDbContext> contexts, TimeProvider clock)
{
    private const string Erased = "(erased)";

    public async Task<RuntimeResult<ErasureResult>> EraseAsync(string instanceId, OperationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Check() is { } missingReason)
        {
            return missingReason;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var instance = await db.Instances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return RuntimeError.NotFound($"There is no instance '{instanceId}'.");
        }

        if (instance.Status == InstanceStatuses.Running)
        {
            return RuntimeError.Conflict($"Instance '{instanceId}' is still running and needs its data; cancel it first (cancelInstance), then erase it.");
        }

        var events = await db.Events.Where(e => e.InstanceId == instanceId).OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (events.FirstOrDefault(e => e.Type == OperationEventTypes.InstanceErased) is { } erased)
        {
            return RuntimeError.Conflict($"Instance '{instanceId}' was already erased by {erased.Actor} at {DateTime.SpecifyKind(erased.OccurredAt, DateTimeKind.Utc):u}.");
        }

        var tasks = await db.Tasks.Where(t => t.InstanceId == instanceId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var values = Values(instance, tasks, events);

        instance.Data = "{}";
        instance.BusinessKey = null;
        instance.Exceptions = EraseExceptions(instance.Exceptions, values);
        instance.ETag = StepExecution.NewId();
        foreach (var task in tasks)
        {
            task.Data = null;
            task.ExternalEmail = null;
            task.ExternalTokenHash = null;
            task.ETag = StepExecution.NewId();
        }

        foreach (var record in events)
        {
            var payload = JsonNode.Parse(record.Payload)?.AsObject() ?? [];
            PersonalData.ErasePayload(record.Type, payload, values);
            record.Payload = payload.ToJsonString();
        }

        await db.Timers.Where(t => t.InstanceId == instanceId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Payload, "{}"), cancellationToken).ConfigureAwait(false);
        await EraseBoundariesAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
        EventLog.Append(
            db,
            OperationEventTypes.InstanceErased,
            instance,
            clock.GetUtcNow(),
            request.Principal.Id,
            new JsonObject { ["reason"] = PersonalData.Redact(request.Reason!.Trim(), values), ["events"] = events.Count, ["tasks"] = tasks.Count });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeResult<ErasureResult>(new ErasureResult(instanceId, events.Count, tasks.Count));
    }

    /// <summary>The instance's personal values: every text in its data, its submissions and the data its events carry.</summary>
    private static HashSet<string> Values(InstanceRecord instance, List<TaskRecord> tasks, List<EventRecord> events)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        PersonalData.Collect(JsonNode.Parse(instance.Data), values);
        if (instance.BusinessKey is { Length: >= 2 } businessKey)
        {
            values.Add(businessKey);
        }

        foreach (var task in tasks.Where(t => t.Data is not null))
        {
            PersonalData.Collect(JsonNode.Parse(task.Data!), values);
        }

        foreach (var record in events)
        {
            var payload = JsonNode.Parse(record.Payload);
            PersonalData.Collect(payload?["data"], values);
            PersonalData.Collect(payload?["set"], values);
            PersonalData.Collect(payload?["facts"]?["data"], values);
            PersonalData.Collect(payload?["arguments"], values);
        }

        return values;
    }

    private static string EraseExceptions(string json, IReadOnlyCollection<string> values)
    {
        if (JsonNode.Parse(json) is not JsonArray exceptions)
        {
            return json;
        }

        foreach (var exception in exceptions.OfType<JsonObject>())
        {
            exception["message"] = PersonalData.Redact((string?)exception["message"], values);
        }

        return exceptions.ToJsonString();
    }

    /// <summary>
    /// What the instance left at the boundaries: webhook bodies and mails in the outbox (and their captured copies),
    /// in-app notification texts, external participants' addresses, and uploaded files (names and bytes). Their rows
    /// stay, so delivery history and counts still add up; the values go.
    /// </summary>
    private static async Task EraseBoundariesAsync(LowCodeDbContext db, string instanceId, CancellationToken cancellationToken)
    {
        var outbox = db.Outbox.Where(o => o.InstanceId == instanceId);
        await db.CapturedMails.Where(m => outbox.Any(o => o.Id == m.OutboxId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.To, Erased).SetProperty(m => m.Body, Erased), cancellationToken).ConfigureAwait(false);
        await outbox.Where(o => o.Kind == Outbox.OutboxKinds.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Target, Erased), cancellationToken).ConfigureAwait(false);
        await outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Body, "{}").SetProperty(o => o.Headers, (string?)null), cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => n.InstanceId == instanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Message, Erased), cancellationToken).ConfigureAwait(false);
        await db.ExternalLinks.Where(l => l.InstanceId == instanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Email, Erased), cancellationToken).ConfigureAwait(false);
        var files = db.Files.Where(f => f.InstanceId == instanceId);
        await db.FileContents.Where(c => files.Any(f => f.Id == c.FileId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await files.ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, Erased), cancellationToken).ConfigureAwait(false);
    }
}
