using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LowCode.Engine.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

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

    private const int MaxPayloadBytes = 7900;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ChannelDefinitionChangeNotifier _local;
    private readonly DatabaseOptions _options;
    private readonly IDbContextFactory<LowCodeDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<DefinitionChange> _outbox = Channel.CreateUnbounded<DefinitionChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private Task _sender = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private int _started;
    private long _received;

    public PostgresDefinitionChangeNotifier(
        DatabaseOptions options,
        IDbContextFactory<LowCodeDbContext> contexts,
        TimeProvider clock,
        ILogger<PostgresDefinitionChangeNotifier>? logger = null,
        int capacity = ChannelDefinitionChangeNotifier.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contexts = contexts;
        _clock = clock;
        _logger = logger ?? NullLogger<PostgresDefinitionChangeNotifier>.Instance;
        _local = new ChannelDefinitionChangeNotifier(capacity);
    }

    /// <summary>Raised after the listening connection was lost and is back: changes sent meanwhile were missed.</summary>
    public event EventHandler? Reconnected;

    /// <summary>Notifications received from other nodes since start.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>
    /// Starts sending, and (unless <see cref="DatabaseOptions.ListenForChanges"/> is off) listening; returns once this
    /// node is listening, so a change committed on another node after that is seen here.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _sender = Task.Run(() => SendAsync(_stopping.Token), CancellationToken.None);
        if (!_options.ListenForChanges)
        {
            _logger.LogInformation("Not listening for other nodes' changes (LowCode:Database:ListenForChanges is off)");
            return;
        }

        _listener = Task.Run(() => ListenAsync(_stopping.Token), CancellationToken.None);
        await _listening.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Publish(DefinitionChange change)
    {
        _local.Publish(change);
        _outbox.Writer.TryWrite(change);
    }

    public IAsyncEnumerable<DefinitionChange> Subscribe(DefinitionKind? kind, string? key, CancellationToken cancellationToken) =>
        _local.Subscribe(kind, key, cancellationToken);

    public IDisposable Observe(Action<DefinitionChange> observer) => _local.Observe(observer);

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sender, _listener).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_options.ConnectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    command.Parameters.AddWithValue("channel", ChannelName);
                    command.Parameters.AddWithValue("payload", Encode(change));
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    _logger.LogWarning(ex, "Could not tell other nodes that {Kind} '{Key}' changed; their caches keep the old version until their next reconnect", change.Kind, change.Key);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connectedBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_options.ConnectionString) { KeepAlive = 30, Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (connectedBefore)
                {
                    _logger.LogWarning("Listening for other nodes' changes again; changes made while disconnected were missed, so caches are cleared");
                    Reconnected?.Invoke(this, EventArgs.Empty);
                }

                connectedBefore = true;
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                _logger.LogWarning("Lost the connection that listens for other nodes' changes ({Reason}); retrying in {Delay}", ex.Message, ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, _clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(payload);
            if (message is null || message.Node == _node)
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

    private string Encode(DefinitionChange change)
    {
        var message = new Message(_node, change.Change, change.Kind, change.Key, change.Version, change.User, change.OccurredAt.Ticks, Compress(change.Current));
        var text = JsonSerializer.Serialize(message);
        return Encoding.UTF8.GetByteCount(text) <= MaxPayloadBytes ? text : JsonSerializer.Serialize(message with { Body = null });
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

    private sealed record Message(string Node, DefinitionChangeKind Change, DefinitionKind Kind, string Key, int Version, string User, long At, string? Body);

    private sealed record StoredVersion(DefinitionStatus Status, string Name, string Json, string ETag, string CreatedBy, long CreatedAt, string UpdatedBy, long UpdatedAt, long? PublishedAt, long? RetiredAt);
}
