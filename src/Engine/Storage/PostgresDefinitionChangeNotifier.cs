using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LowCode.Engine.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Storage;

/// <summary>
/// <see cref="IDefinitionChangeNotifier"/> across Api nodes sharing one PostgreSQL database. A change committed here is
/// delivered to this node's subscribers at once and sent to the others with <c>NOTIFY</c> (after the commit, on a
/// connection of its own); a change another node sent arrives through <c>LISTEN</c> and is delivered here the same way
/// as a local one, observers first. Each node ignores its own notifications.
/// </summary>
/// <remarks>
/// A notification carries the changed version itself (compressed) when it fits PostgreSQL's 8000-byte payload limit;
/// otherwise it carries the version's identity and the receiver reads that version from the database.
/// Notifications sent while a node's listening connection is down are lost to that node: it logs the gap when it
/// reconnects, and its caches are cleared through <see cref="Reconnected"/>.
/// </remarks>
public sealed class PostgresDefinitionChangeNotifier : IDefinitionChangeNotifier, IAsyncDisposable
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string ChannelName = "lowcode_definition_changes";

    private readonly ChannelDefinitionChangeNotifier _local;
    private readonly IDbContextFactory<LowCodeDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly PostgresNotificationChannel<DefinitionChange> _channel;
    private long _received;

    public PostgresDefinitionChangeNotifier(
        DatabaseOptions options,
        IDbContextFactory<LowCodeDbContext> contexts,
        TimeProvider clock,
        ILogger<PostgresDefinitionChangeNotifier>? logger = null,
        int capacity = ChannelDefinitionChangeNotifier.DefaultCapacity)
    {
        _contexts = contexts;
        _logger = logger ?? NullLogger<PostgresDefinitionChangeNotifier>.Instance;
        _local = new ChannelDefinitionChangeNotifier(capacity);
        _channel = new PostgresNotificationChannel<DefinitionChange>(
            ChannelName, "definition changes", options, clock, _logger,
            change => [Encode(change)], OnNotification, change => $"{change.Kind} '{change.Key}' version {change.Version} (their caches keep the old version until their next reconnect)");
        _channel.Reconnected += (_, e) => Reconnected?.Invoke(this, e);
    }

    /// <summary>Raised after the listening connection was lost and is back: changes sent meanwhile were missed.</summary>
    public event EventHandler? Reconnected;

    /// <summary>Notifications received from other nodes since start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>
    /// Starts sending, and (unless <see cref="DatabaseOptions.ListenForChanges"/> is off) listening; returns once this
    /// node is listening, so a change committed on another node after that is seen here.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _channel.StartAsync(cancellationToken);

    public void Publish(DefinitionChange change)
    {
        _local.Publish(change);
        _channel.Send(change);
    }

    public IAsyncEnumerable<DefinitionChange> Subscribe(DefinitionKind? kind, string? key, CancellationToken cancellationToken) =>
        _local.Subscribe(kind, key, cancellationToken);

    public IDisposable Observe(Action<DefinitionChange> observer) => _local.Observe(observer);

    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    private void OnNotification(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload);
            if (message is null)
            {
                return;
            }

            var current = message.Body is { } body ? Decompress(body, message) : Load(message);
            if (current is null)
            {
                _logger.LogWarning("Another node changed {Kind} '{Key}' (version {Version}) but the version is no longer stored; not delivered", message.Kind, message.Key, message.Version);
                return;
            }

            Interlocked.Increment(ref _received);
            _local.Publish(new DefinitionChange(message.Change, message.Kind, message.Key, message.Version, message.User, new DateTime(message.At, DateTimeKind.Utc), current));
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or FormatException)
        {
            _logger.LogWarning(ex, "Ignored a malformed change notification");
        }
    }

    private static string Encode(DefinitionChange change)
    {
        var message = new Message(change.Change, change.Kind, change.Key, change.Version, change.User, change.OccurredAt.Ticks, Compress(change.Current));
        var text = JsonSerializer.Serialize(message);
        return Encoding.UTF8.GetByteCount(text) <= PostgresNotificationChannel<DefinitionChange>.MaxBodyBytes ? text : JsonSerializer.Serialize(message with { Body = null });
    }

    private static string Compress(DefinitionVersion version)
    {
        var stored = new StoredVersion(version.Status, version.Name, version.Json, version.ETag, version.CreatedBy, version.CreatedAt.Ticks, version.UpdatedBy, version.UpdatedAt.Ticks, version.PublishedAt?.Ticks, version.RetiredAt?.Ticks);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, stored);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static DefinitionVersion? Decompress(string body, Message message)
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(body)), CompressionMode.Decompress);
        var stored = JsonSerializer.Deserialize<StoredVersion>(gzip);
        if (stored is null || DefinitionJson.Parse(message.Kind, stored.Json).Definition is not { } definition)
        {
            return null;
        }

        static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
        return new DefinitionVersion(
            message.Kind, message.Key, message.Version, stored.Status, stored.Name, definition, stored.Json, stored.ETag,
            stored.CreatedBy, Utc(stored.CreatedAt), stored.UpdatedBy, Utc(stored.UpdatedAt),
            stored.PublishedAt is { } p ? Utc(p) : null, stored.RetiredAt is { } r ? Utc(r) : null);
    }

    private DefinitionVersion? Load(Message message)
    {
        using var db = _contexts.CreateDbContext();
        var kind = message.Kind.ToString();
        var record = db.Definitions.AsNoTracking().FirstOrDefault(d => d.Kind == kind && d.Key == message.Key && d.Version == message.Version);
        return record is null ? null : EfDefinitionStore.ToVersion(record);
    }

    private sealed record Message(DefinitionChangeKind Change, DefinitionKind Kind, string Key, int Version, string User, long At, string? Body);

    private sealed record StoredVersion(DefinitionStatus Status, string Name, string Json, string ETag, string CreatedBy, long CreatedAt, string UpdatedBy, long UpdatedAt, long? PublishedAt, long? RetiredAt);
}
