using System.Text;
using System.Text.Json;
using LowCode.Engine.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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

    private readonly ChannelRuntimeChangeNotifier _local = new();
    private readonly ILogger _logger;
    private readonly PostgresNotificationChannel<IReadOnlyList<RuntimeChange>> _channel;

    public PostgresRuntimeChangeNotifier(DatabaseOptions options, TimeProvider clock, ILogger<PostgresRuntimeChangeNotifier>? logger = null)
    {
        _logger = logger ?? NullLogger<PostgresRuntimeChangeNotifier>.Instance;
        _channel = new PostgresNotificationChannel<IReadOnlyList<RuntimeChange>>(
            ChannelName, "runtime changes", options, clock, _logger,
            Encode, OnNotification, changes => $"{changes.Count} runtime change(s) (their subscribers miss them)");
    }

    /// <summary>Starts sending and (unless listening is off) listening; returns once this node listens.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _channel.StartAsync(cancellationToken);

    public void Publish(IReadOnlyList<RuntimeChange> changes)
    {
        _local.Publish(changes);
        _channel.Send(changes);
    }

    public IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken) =>
        _local.Subscribe(filter, cancellationToken);

    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    private void OnNotification(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<List<RuntimeChange>>(payload) is { } changes)
            {
                _local.Publish(changes);
            }
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a malformed runtime change notification");
        }
    }

    /// <summary>The changes as notifications under PostgreSQL's payload limit: as many per notification as fit.</summary>
    private static IEnumerable<string> Encode(IReadOnlyList<RuntimeChange> changes)
    {
        var batch = new List<RuntimeChange>();
        string? fitting = null;
        foreach (var change in changes)
        {
            batch.Add(change);
            var text = JsonSerializer.Serialize(batch);
            if (Encoding.UTF8.GetByteCount(text) <= PostgresNotificationChannel<IReadOnlyList<RuntimeChange>>.MaxBodyBytes)
            {
                fitting = text;
                continue;
            }

            if (fitting is not null)
            {
                yield return fitting;
            }

            batch = [change];
            fitting = JsonSerializer.Serialize(batch);
        }

        if (fitting is not null)
        {
            yield return fitting;
        }
    }
}
