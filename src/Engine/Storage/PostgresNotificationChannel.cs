using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LowCode.Engine.Storage;

/// <summary>
/// One PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c> channel between the Api nodes that share a database: what this node
/// sends goes out with <c>NOTIFY</c> from a connection of its own, in the order sent, off the caller's thread; what
/// the other nodes send arrives through a dedicated listening connection that reconnects when lost. Each payload is
/// tagged with the sending node, so a node never receives its own.
/// </summary>
/// <remarks>
/// The notifiers built on it (definitions, runtime changes) differ only in what a message is and how it is encoded,
/// so the connection handling lives here once. Notifications sent while a node's listening connection is down are
/// lost to that node; <see cref="Reconnected"/> tells its owner so it can clear what it cached meanwhile.
/// </remarks>
/// <typeparam name="T">What this node sends; encoded on the sending task, not on the caller's.</typeparam>
internal sealed class PostgresNotificationChannel<T> : IAsyncDisposable
{
    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more; this leaves room for the node tag.</summary>
    public const int MaxBodyBytes = 7900 - NodeTagLength;

    private const int NodeTagLength = 33;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly string _channel;
    private readonly string _what;
    private readonly DatabaseOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<T, IEnumerable<string>> _encode;
    private readonly Action<string> _receive;
    private readonly Func<T, string> _describe;
    private readonly Channel<T> _outbox = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private Task _sender = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private int _started;
    private int _disposed;

    /// <param name="channel">The PostgreSQL channel name (an identifier: lower case, digits and underscores).</param>
    /// <param name="what">What travels on it, for log messages ("definition changes").</param>
    /// <param name="options">The connection string, and whether this node listens at all.</param>
    /// <param name="clock">Times the wait before reconnecting.</param>
    /// <param name="logger">Where lost connections and unsent messages are reported.</param>
    /// <param name="encode">One message as the bodies of one or more notifications, each at most <see cref="MaxBodyBytes"/>.</param>
    /// <param name="receive">Called with each body another node sent, on the listening connection's thread.</param>
    /// <param name="describe">The message in a log line when it could not be sent.</param>
    public PostgresNotificationChannel(
        string channel,
        string what,
        DatabaseOptions options,
        TimeProvider clock,
        ILogger logger,
        Func<T, IEnumerable<string>> encode,
        Action<string> receive,
        Func<T, string> describe)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = channel;
        _what = what;
        _options = options;
        _clock = clock;
        _logger = logger;
        _encode = encode;
        _receive = receive;
        _describe = describe;
    }

    /// <summary>Raised after the listening connection was lost and is back: messages sent meanwhile were missed.</summary>
    public event EventHandler? Reconnected;

    /// <summary>
    /// Starts sending, and (unless <see cref="DatabaseOptions.ListenForChanges"/> is off) listening; returns once this
    /// node listens, so a message another node sends after that arrives here.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _sender = Task.Run(() => SendAsync(_stopping.Token), CancellationToken.None);
        if (!_options.ListenForChanges)
        {
            _logger.LogInformation("Not listening for other nodes' {What} (LowCode:Database:ListenForChanges is off)", _what);
            return;
        }

        _listener = Task.Run(() => ListenAsync(_stopping.Token), CancellationToken.None);
        await _listening.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues a message for the other nodes; returns at once.</summary>
    public void Send(T message) => _outbox.Writer.TryWrite(message);

    /// <summary>Sends what is still queued (a short-lived process such as the keys command must not lose it), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _outbox.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _listener.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_options.ConnectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var body in _encode(message))
                    {
                        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        command.Parameters.AddWithValue("channel", _channel);
                        command.Parameters.AddWithValue("payload", _node + ":" + body);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    _logger.LogWarning(ex, "Could not tell other nodes about {Message}; they miss it", _describe(message));
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
                await using (var listen = new NpgsqlCommand($"LISTEN {_channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (connectedBefore)
                {
                    _logger.LogWarning("Listening for other nodes' {What} again; those sent while disconnected were missed", _what);
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
                _logger.LogWarning("Lost the connection that listens for other nodes' {What} ({Reason}); retrying in {Delay}", _what, ex.Message, ReconnectDelay);
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
        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        if (separator != NodeTagLength - 1)
        {
            _logger.LogWarning("Ignored a notification on {Channel} without a node tag", _channel);
            return;
        }

        if (!payload.AsSpan(0, separator).SequenceEqual(_node))
        {
            _receive(payload[(separator + 1)..]);
        }
    }
}
