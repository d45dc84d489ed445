using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LowCode.Engine.Changes;

/// <summary>In-process <see cref="IRuntimeChangeNotifier"/>: one bounded, drop-oldest channel per subscriber, so a slow subscriber never holds up a commit.</summary>
public sealed class ChannelRuntimeChangeNotifier(int capacity = ChannelRuntimeChangeNotifier.DefaultCapacity) : IRuntimeChangeNotifier
{
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    public void Publish(IReadOnlyList<RuntimeChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var subscriber in _subscribers.Keys)
        {
            foreach (var change in changes.Where(subscriber.Filter))
            {
                subscriber.Channel.Writer.TryWrite(change);
            }
        }
    }

    public IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscriber = new Subscriber(filter, Channel.CreateBounded<RuntimeChange>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }));
        _subscribers[subscriber] = 0;

        // A subscription that is cancelled before it is ever read is removed too.
        cancellationToken.Register(() => _subscribers.TryRemove(subscriber, out _));
        return ReadAsync(subscriber, cancellationToken);
    }

    private async IAsyncEnumerable<RuntimeChange> ReadAsync(Subscriber subscriber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await subscriber.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (subscriber.Channel.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            _subscribers.TryRemove(subscriber, out _);
        }
    }

    private sealed record Subscriber(Func<RuntimeChange, bool> Filter, Channel<RuntimeChange> Channel);
}
