using System.Collections.Concurrent;
using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.Rules.Compilation;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Routing;

/// <summary>
/// The rule set a decision uses: its latest published, non-retired version, compiled once per (key, version). The
/// cache only saves work; it never decides which version is current. Where the step's commit checks the version
/// against the database (starts and completions: see <see cref="Storage.DefinitionRead"/>), the latest version this node
/// last read is trusted for deciding, and a commit that finds a newer one makes the step forget it and run again;
/// everywhere else the version is read inside the caller's transaction on every decision.
/// </summary>
public sealed class RuleSetCache(RoutingRuleSetCompiler compiler)
{
    private readonly ConcurrentDictionary<(string Key, int Version), Lazy<RoutingCompilation>> _compiled = new();
    private readonly ConcurrentDictionary<string, int?> _latest = new(StringComparer.Ordinal);

    /// <summary>Reads the latest published version of <paramref name="key"/> through <paramref name="db"/> and returns it compiled.</summary>
    public Task<CurrentRuleSet?> GetCurrentAsync(LowCodeDbContext db, string key, CancellationToken cancellationToken) =>
        GetCurrentAsync(db, key, checkedAtCommit: false, cancellationToken);

    /// <summary>
    /// Returns the latest published version of <paramref name="key"/> compiled; with <paramref name="checkedAtCommit"/>
    /// the version last read here stands in for a read, because the caller's commit checks it.
    /// </summary>
    internal async Task<CurrentRuleSet?> GetCurrentAsync(LowCodeDbContext db, string key, bool checkedAtCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!checkedAtCommit || !_latest.TryGetValue(key, out var version))
        {
            version = await Processes.DefinitionCache.LatestPublishedAsync(db, DefinitionKind.RuleSet, key, cancellationToken).ConfigureAwait(false);
            _latest[key] = version;
        }

        if (version is not { } current)
        {
            return null;
        }

        if (!_compiled.TryGetValue((key, current), out var compilation))
        {
            var kind = nameof(DefinitionKind.RuleSet);
            var body = await db.Definitions.AsNoTracking()
                .Where(d => d.Kind == kind && d.Key == key && d.Version == current)
                .Select(d => d.Body)
                .FirstAsync(cancellationToken)
                .ConfigureAwait(false);
            compilation = _compiled.GetOrAdd((key, current), _ => new Lazy<RoutingCompilation>(() => Compile(body, current)));
        }

        return new CurrentRuleSet(key, current, compilation.Value);
    }

    /// <summary>Forgets every latest version read here: a commit found one of them replaced (see <see cref="Processes.DefinitionCache.ForgetLatest"/>).</summary>
    internal void Forget() => _latest.Clear();

    private RoutingCompilation Compile(string body, int version)
    {
        var parsed = DefinitionJson.Parse(DefinitionKind.RuleSet, body);
        return parsed.Definition is RuleSetDefinition definition
            ? compiler.Compile(definition, version)
            : new RoutingCompilation(null, parsed.Problems);
    }
}

/// <summary>The rule set version in force for one decision, compiled, or the problems that kept it from compiling.</summary>
public sealed record CurrentRuleSet(string Key, int Version, RoutingCompilation Compilation)
{
    public CompiledRuleSet? RuleSet => Compilation.RuleSet;

    public ImmutableArray<ValidationProblem> Problems => Compilation.Problems;
}
