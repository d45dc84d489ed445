using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>
/// <see cref="IDefinitionChangeNotifier"/> over one bounded channel per subscriber. A writer never waits for a reader:
/// when a subscriber has <see cref="Capacity"/> changes it has not read, the oldest is dropped to make room (and
/// counted in <see cref="DroppedChanges"/>), so a slow or stuck subscriber loses old changes instead of slowing
/// every save. Each subscriber reads changes in the order they were published.
/// </summary>
public sealed class ChannelDefinitionChangeNotifier : IDefinitionChangeNotifier
{
    /// <summary>Unread changes kept per subscriber by default.</summary>
    public const int DefaultCapacity = 64;

    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();
    private readonly ConcurrentDictionary<Observer, byte> _observers = new();
    private long _dropped;

    public ChannelDefinitionChangeNotifier(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Unread changes kept per subscriber before the oldest is dropped.</summary>
    public int Capacity { get; }

    /// <summary>Subscribers registered now.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Changes dropped because a subscriber was <see cref="Capacity"/> changes behind, since start.</summary>
    public long DroppedChanges => Interlocked.Read(ref _dropped);

    public void Publish(DefinitionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var observer in _observers.Keys)
        {
            observer.Action(change);
        }

        foreach (var subscriber in _subscribers.Keys)
        {
            if (subscriber.Matches(change))
            {
                // With DropOldest a bounded channel always accepts the write; it fails only once the subscriber is completed.
                subscriber.Channel.Writer.TryWrite(change);
            }
        }
    }

    public IAsyncEnumerable<DefinitionChange> Subscribe(DefinitionKind? kind, string? key, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(kind, key, Channel.CreateBounded<DefinitionChange>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            _ => Interlocked.Increment(ref _dropped)));
        _subscribers.TryAdd(subscriber, 0);
        var registration = cancellationToken.Register(() => Remove(subscriber));
        return ReadAsync(subscriber, registration, cancellationToken);
    }

    private async IAsyncEnumerable<DefinitionChange> ReadAsync(
        Subscriber subscriber,
        CancellationTokenRegistration registration,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in subscriber.Channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            Remove(subscriber);
        }
    }

    public IDisposable Observe(Action<DefinitionChange> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var entry = new Observer(observer, _observers);
        _observers.TryAdd(entry, 0);
        return entry;
    }

    private void Remove(Subscriber subscriber)
    {
        _subscribers.TryRemove(subscriber, out _);
        subscriber.Channel.Writer.TryComplete();
    }

    private sealed class Subscriber(DefinitionKind? kind, string? key, Channel<DefinitionChange> channel)
    {
        public Channel<DefinitionChange> Channel { get; } = channel;

        public bool Matches(DefinitionChange change) =>
            (kind is null || kind == change.Kind) && (key is null || string.Equals(key, change.Key, StringComparison.Ordinal));
    }

    private sealed class Observer(Action<DefinitionChange> action, ConcurrentDictionary<Observer, byte> registry) : IDisposable
    {
        public Action<DefinitionChange> Action { get; } = action;

        public void Dispose() => registry.TryRemove(this, out _);
    }
}
