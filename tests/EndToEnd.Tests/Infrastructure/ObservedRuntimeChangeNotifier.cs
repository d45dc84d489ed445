using LowCode.Engine.Changes;

namespace LowCode.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Api's own <see cref="IRuntimeChangeNotifier"/>, observed: a browser test waits until a page's subscription has
/// reached the server before another principal acts, because a change committed before that is (by design) not
/// replayed to a late subscriber. Delivery itself is the real notifier's.
/// </summary>
public sealed class ObservedRuntimeChangeNotifier(IRuntimeChangeNotifier inner) : IRuntimeChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<RuntimeChange, bool>> _filters = [];
    private readonly List<(RuntimeChange Probe, TaskCompletionSource Reached)> _waiters = [];

    public void Publish(IReadOnlyList<RuntimeChange> changes) => inner.Publish(changes);

    public IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var changes = inner.Subscribe(filter, cancellationToken);
        lock (_gate)
        {
            _filters.Add(filter);
            foreach (var waiter in _waiters.Where(w => filter(w.Probe)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _filters.Remove(filter);
            }
        });
        return changes;
    }

    /// <summary>Completes once a live subscription would receive <paramref name="probe"/> (at once when one already would).</summary>
    public Task SubscribedToAsync(RuntimeChange probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        lock (_gate)
        {
            if (_filters.Any(f => f(probe)))
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((probe, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }
}
