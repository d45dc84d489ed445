using System.Collections.Concurrent;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// The DataLoaders of one request. The executor dispatches the queued loads whenever its own work is blocked on
/// them, so keys requested across a whole list of objects go out in one batch.
/// </summary>
public sealed class DataLoaderScope
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IDataLoader> _ready = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The loader registered under <paramref name="name"/>, created with <paramref name="batch"/> on first use.</summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var loader = _loaders.GetOrAdd(name, _ => new DataLoader<TKey, TValue>(this, batch, comparer));
        return loader as DataLoader<TKey, TValue>
            ?? throw new InvalidOperationException($"DataLoader \"{name}\" was registered with other key or value types.");
    }

    private readonly object _walkGate = new();
    private int _walkers;
    private TaskCompletionSource? _noWalk;

    internal bool HasPending => !_ready.IsEmpty;

    /// <summary>
    /// Marks a synchronous walk of a resolved value's sub-selections, which queues their loads. Dispatching waits for
    /// walks to end (<see cref="WhenNoWalk"/>), so a batch holds the keys of every sibling, not the first few: the same
    /// number of batches whatever the page size, on whichever thread the walk runs.
    /// </summary>
    internal void BeginWalk()
    {
        lock (_walkGate)
        {
            _walkers++;
        }
    }

    internal void EndWalk()
    {
        TaskCompletionSource? noWalk = null;
        lock (_walkGate)
        {
            if (--_walkers == 0)
            {
                (noWalk, _noWalk) = (_noWalk, null);
            }
        }

        noWalk?.TrySetResult();
    }

    internal Task WhenNoWalk()
    {
        lock (_walkGate)
        {
            return _walkers == 0 ? Task.CompletedTask : (_noWalk ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    internal void Enqueue(IDataLoader loader)
    {
        _ready.Enqueue(loader);
        _signal.TrySetResult();
    }

    /// <summary>Completes when a load is queued; lets the executor wake up to dispatch it.</summary>
    internal Task WhenWorkQueued()
    {
        var signal = _signal;
        if (!_ready.IsEmpty)
        {
            return Task.CompletedTask;
        }

        if (signal.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
            return _ready.IsEmpty ? _signal.Task : Task.CompletedTask;
        }

        return signal.Task;
    }

    internal async Task DispatchAsync(CancellationToken cancellationToken)
    {
        while (_ready.TryDequeue(out var loader))
        {
            await loader.DispatchAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
