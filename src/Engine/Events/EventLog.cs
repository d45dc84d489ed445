using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Analytics.Facts;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Events;

/// <summary>
/// Appends to and reads the append-only event log. Appending only adds rows to the caller's context, so events
/// commit in the same transaction as the state change they describe, or not at all.
/// </summary>
public static class EventLog
{
    /// <summary>Adds an event to <paramref name="db"/>; every payload carries the process version in force.</summary>
    public static void Append(
        LowCodeDbContext db,
        string type,
        InstanceRecord instance,
        DateTimeOffset at,
        string? actor,
        JsonObject payload,
        string? stepKey = null,
        string? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(payload);
        payload["processKey"] = instance.ProcessKey;
        payload["processVersion"] = instance.ProcessVersion;
        var code = type == EventTypes.ExceptionRaised && payload["code"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        Add(db, instance, code, new EventRecord
        {
            Type = type,
            InstanceId = instance.Id,
            TaskId = taskId,
            StepKey = stepKey,
            Actor = actor,
            Payload = payload.ToJsonString(),
            OccurredAt = at.UtcDateTime,
        });
    }

    /// <summary>
    /// Adds an event whose payload <paramref name="writePayload"/> writes as the properties of one JSON object, for
    /// payloads built from text that is already JSON; the process version in force is added as for every event.
    /// </summary>
    public static void Append(
        LowCodeDbContext db,
        string type,
        InstanceRecord instance,
        DateTimeOffset at,
        string? actor,
        Action<Utf8JsonWriter> writePayload,
        string? stepKey = null,
        string? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(writePayload);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writePayload(writer);
            writer.WriteString("processKey", instance.ProcessKey);
            writer.WriteNumber("processVersion", instance.ProcessVersion);
            writer.WriteEndObject();
        }

        Add(db, instance, null, new EventRecord
        {
            Type = type,
            InstanceId = instance.Id,
            TaskId = taskId,
            StepKey = stepKey,
            Actor = actor,
            Payload = Encoding.UTF8.GetString(buffer.WrittenSpan),
            OccurredAt = at.UtcDateTime,
        });
    }

    /// <summary>The one place an instance's event enters the log, with the analytics facts it implies.</summary>
    private static void Add(LowCodeDbContext db, InstanceRecord instance, string? exceptionCode, EventRecord record)
    {
        db.Events.Add(record);
        AnalyticsFacts.Record(db, record, instance, exceptionCode);
    }

    /// <summary>An instance's events in the order they were written.</summary>
    public static async Task<IReadOnlyList<InstanceEvent>> ReadAsync(LowCodeDbContext db, string instanceId, string? type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Events.AsNoTracking().Where(e => e.InstanceId == instanceId);
        if (type is not null)
        {
            query = query.Where(e => e.Type == type);
        }

        var rows = await query.OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToInstanceEvent)];
    }

    /// <summary>A stored event as a timeline entry.</summary>
    public static InstanceEvent ToInstanceEvent(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new InstanceEvent(
            e.Id,
            e.Type,
            new DateTimeOffset(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc)),
            e.Actor,
            e.StepKey,
            e.TaskId,
            JsonNode.Parse(e.Payload)?.AsObject() ?? []);
    }
}
