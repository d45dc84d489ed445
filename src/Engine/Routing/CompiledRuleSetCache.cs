using System.Collections.Concurrent;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Routing;

/// <summary>
/// The latest published version of each rule set, compiled once and kept until a change notification says a version
/// of it was published or retired (on this node, or on another one through PostgreSQL's LISTEN/NOTIFY). The next use
/// after that reads the store again and compiles the new version.
/// </summary>
public sealed class CompiledRuleSetCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly IDefinitionStore _store;
    private readonly RoutingRuleSetCompiler _compiler;
    private readonly TimeProvider _clock;
    private readonly IDisposable _observation;
    private readonly PostgresDefinitionChangeNotifier? _postgres;
    private long _compilations;

    public CompiledRuleSetCache(IDefinitionStore store, RoutingRuleSetCompiler compiler, IDefinitionChangeNotifier notifier, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        _store = store;
        _compiler = compiler;
        _clock = clock;
        _observation = notifier.Observe(OnChange);
        _postgres = notifier as PostgresDefinitionChangeNotifier;
        if (_postgres is not null)
        {
            _postgres.Reconnected += OnReconnected;
        }
    }

    /// <summary>Rule set compilations since start (each cache miss compiles once).</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>The compiled latest published version of <paramref name="key"/>, or null when none is published.</summary>
    public async Task<CachedRuleSet?> GetLatestAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached.RuleSet;
        }

        // A change seen while this load runs makes the loaded version suspect: it is returned but not kept.
        var generation = _generations.GetValueOrDefault(key);
        var latest = await _store.GetAsync(DefinitionKind.RuleSet, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (latest?.Definition is not RuleSetDefinition definition)
        {
            return null;
        }

        var compiled = new CachedRuleSet(key, latest.Version, _compiler.Compile(definition, latest.Version), _clock.GetUtcNow().UtcDateTime);
        Interlocked.Increment(ref _compilations);
        if (_generations.GetValueOrDefault(key) == generation)
        {
            _entries[key] = new Entry(compiled);
        }

        return compiled;
    }

    public void Dispose()
    {
        _observation.Dispose();
        if (_postgres is not null)
        {
            _postgres.Reconnected -= OnReconnected;
        }
    }

    private void OnChange(DefinitionChange change)
    {
        if (change.Kind == DefinitionKind.RuleSet && change.Change is DefinitionChangeKind.Published or DefinitionChangeKind.Retired)
        {
            _generations.AddOrUpdate(change.Key, 1, (_, g) => g + 1);
            _entries.TryRemove(change.Key, out _);
        }
    }

    private void OnReconnected(object? sender, EventArgs e)
    {
        foreach (var key in _entries.Keys)
        {
            _generations.AddOrUpdate(key, 1, (_, g) => g + 1);
        }

        _entries.Clear();
    }

    private sealed record Entry(CachedRuleSet RuleSet);
}

/// <summary>A rule set version as compiled for routing, with when this node compiled it.</summary>
public sealed record CachedRuleSet(string Key, int Version, RoutingCompilation Compilation, DateTime CompiledAt);
