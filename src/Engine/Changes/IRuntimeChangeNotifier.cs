namespace LowCode.Engine.Changes;

/// <summary>
/// Hands committed runtime changes to subscribers: never before the commit, never for a rolled-back transaction. On
/// SQLite only this process's commits are seen; on PostgreSQL every node's (LISTEN/NOTIFY). Nothing is persisted: a
/// subscriber that subscribes late misses what went before, and reads the current state instead.
/// </summary>
public interface IRuntimeChangeNotifier
{
    /// <summary>Delivers changes committed on this node (to its subscribers, and on PostgreSQL to the other nodes). Never blocks.</summary>
    void Publish(IReadOnlyList<RuntimeChange> changes);

    /// <summary>
    /// Registers a subscriber at once (changes published after this call are kept for it) and returns the changes that
    /// pass <paramref name="filter"/>, in publish order, until <paramref name="cancellationToken"/> is cancelled or the
    /// enumerator is disposed. A subscriber more than <see cref="ChannelRuntimeChangeNotifier.DefaultCapacity"/> changes behind loses the oldest.
    /// </summary>
    IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, CancellationToken cancellationToken);
}
