using System.Text;
using System.Text.Json;
using LowCode.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LowCode.Engine.Changes;

/// <summary>
/// <see cref="IRuntimeChangeNotifier"/> across Api nodes sharing one PostgreSQL database: changes committed here go to
/// this node's subscribers at once and to the other nodes with <c>NOTIFY</c> (after the commit, from a connection of
/// its own); changes from other nodes arrive through <c>LISTEN</c>. Each node ignores its own notifications. Changes
/// sent while a node's listening connection is down are lost to that node (it logs the gap).
/// </summary>
public sealed class PostgresRuntimeChangeNotifier : IRuntimeChangeNotifier, IAsyncDisposable
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string ChannelName = "lowcode_runtime_changes";

    private const int MaxPayloadBytes = 7900;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ChannelRuntimeChangeNotifier _local = new();
    private readonly DatabaseOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly System.Threading.Channels.Channel<IReadOnlyList<RuntimeChange>> _outbox =
        System.Threading.Channels.Channel.CreateUnbounded<IReadOnlyList<RuntimeChange>>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private Task _sender = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private int _started;

    public PostgresRuntimeChangeNotifier(DatabaseOptions options, TimeProvider clock, ILogger<PostgresRuntimeChangeNotifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger<PostgresRuntimeChangeNotifier>.Instance;
    }

    /// <summary>Starts sending and (unless listening is off) listening; returns once this node listens.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _sender = Task.Run(() => SendAsync(_stopping.Token), CancellationToken.None);
        if (!_options.ListenForChanges)
        {
            return;
        }

        _listener = Task.Run(() => ListenAsync(_stopping.Token), CancellationToken.None);
        await _listening.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Publish(IReadOnlyList<RuntimeChange> changes)
    {
        _local.Publish(changes);
        _outbox.Writer.TryWrite(changes);
    }

    public IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken) =>
        _local.Subscribe(filter, cancellationToken);

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
            await foreach (var changes in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_options.ConnectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var payload in Encode(changes))
                    {
                        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        command.Parameters.AddWithValue("channel", ChannelName);
                        command.Parameters.AddWithValue("payload", payload);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    _logger.LogWarning(ex, "Could not tell other nodes about {Count} runtime change(s); their subscribers miss them", changes.Count);
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
                    _logger.LogWarning("Listening for other nodes' runtime changes again; changes made while disconnected were missed");
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
                _logger.LogWarning("Lost the connection that listens for other nodes' runtime changes ({Reason}); retrying in {Delay}", ex.Message, ReconnectDelay);
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
            if (JsonSerializer.Deserialize<Message>(payload) is { } message && message.Node != _node)
            {
                _local.Publish(message.Changes);
            }
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a malformed runtime change notification");
        }
    }

    /// <summary>The changes as notifications under PostgreSQL's payload limit: as many per notification as fit.</summary>
    private IEnumerable<string> Encode(IReadOnlyList<RuntimeChange> changes)
    {
        var batch = new List<RuntimeChange>();
        string? fitting = null;
        foreach (var change in changes)
        {
            batch.Add(change);
            var text = JsonSerializer.Serialize(new Message(_node, batch));
            if (Encoding.UTF8.GetByteCount(text) <= MaxPayloadBytes)
            {
                fitting = text;
                continue;
            }

            if (fitting is not null)
            {
                yield return fitting;
            }

            batch = [change];
            fitting = JsonSerializer.Serialize(new Message(_node, batch));
        }

        if (fitting is not null)
        {
            yield return fitting;
        }
    }

    private sealed record Message(string Node, List<RuntimeChange> Changes);
}
