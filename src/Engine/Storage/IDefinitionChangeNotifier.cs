using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>
/// Tells listeners (GraphQL subscriptions, caches) about definition changes after they are committed. On SQLite only this
/// process's writes are seen; on PostgreSQL every node's (LISTEN/NOTIFY). Nothing is persisted, and a listener that
/// subscribes late misses what went before (read the store for the current state).
/// </summary>
public interface IDefinitionChangeNotifier
{
    /// <summary>Hands a committed change to every matching subscriber. Never blocks and never throws for a slow subscriber.</summary>
    void Publish(DefinitionChange change);

    /// <summary>
    /// Registers a subscriber at once (changes published after this call are kept for it, even before it starts reading)
    /// and returns its changes in publish order. <paramref name="kind"/> and <paramref name="key"/> filter when not null.
    /// The subscriber is removed when its enumerator is disposed or <paramref name="cancellationToken"/> is cancelled;
    /// enumerate the result or cancel the token, or it stays registered.
    /// </summary>
    IAsyncEnumerable<DefinitionChange> Subscribe(DefinitionKind? kind, string? key, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="observer"/> for every change, synchronously inside <see cref="Publish"/> and before any
    /// subscriber is given the change: a cache invalidated here is never behind a subscriber that saw the change. The
    /// observer must be quick and must not throw. Dispose the result to stop observing.
    /// </summary>
    IDisposable Observe(Action<DefinitionChange> observer);
}
