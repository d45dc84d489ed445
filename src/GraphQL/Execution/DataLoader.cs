namespace LowCode.GraphQL.Execution;

/// <summary>
/// Batches the keys requested while the executor walks one level of the result, then loads them with one call,
/// and caches each key's value for the rest of the request (the N+1 cure of the DataLoader pattern).
/// Get one from <see cref="ResolveContext.DataLoaders"/>.
/// </summary>
public sealed class DataLoader<TKey, TValue>
    : IDataLoader
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly DataLoaderScope _scope;
    private readonly Dictionary<TKey, Task<TValue?>> _cache;
    private List<(TKey Key, TaskCompletionSource<TValue?> Promise)> _queue = [];
    private readonly object _gate = new();

    internal DataLoader(
        DataLoaderScope scope,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        IEqualityComparer<TKey>? comparer)
    {
        _scope = scope;
        _batch = batch;
        _cache = new Dictionary<TKey, Task<TValue?>>(comparer);
    }

    /// <summary>The value for <paramref name="key"/> (default when the batch function returned none for it).</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool first;
        Task<TValue?> task;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var promise = new TaskCompletionSource<TValue?>();
            task = promise.Task;
            _cache.Add(key, task);
            first = _queue.Count == 0;
            _queue.Add((key, promise));
        }

        if (first)
        {
            _scope.Enqueue(this);
        }

        return task;
    }

    /// <summary>Values for several keys, in order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = keys.Select(LoadAsync).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    async Task IDataLoader.DispatchAsync(CancellationToken cancellationToken)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Promise)> batch;
        lock (_gate)
        {
            batch = _queue;
            _queue = [];
        }

        if (batch.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<TKey, TValue> values;
        try
        {
            var keys = new TKey[batch.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = batch[i].Key;
            }

            values = await _batch(keys, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            foreach (var (_, promise) in batch)
            {
                promise.TrySetException(exception);
            }

            return;
        }

        foreach (var (key, promise) in batch)
        {
            promise.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
        }
    }
}
