using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>
/// Tells in-process listeners (GraphQL subscriptions, caches) about definition changes after they are committed.
/// Only this process's writes are seen; nothing is persisted, and a listener that subscribes late misses what went before
/// (read the store for the current state).
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
}
