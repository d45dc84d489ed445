using System.Collections.Concurrent;
using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.Rules.Compilation;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Routing;

/// <summary>
/// The rule set a decision uses: its latest published, non-retired version, as the database says inside the caller's
/// transaction (that is what makes a publish live for running instances), compiled once per (key, version). The
/// cache only saves compiling; it never decides which version is current.
/// </summary>
public sealed class RuleSetCache(RoutingRuleSetCompiler compiler)
{
    private readonly ConcurrentDictionary<(string Key, int Version), Lazy<RoutingCompilation>> _compiled = new();

    /// <summary>Reads the latest published version of <paramref name="key"/> through <paramref name="db"/> and returns it compiled.</summary>
    public async Task<CurrentRuleSet?> GetCurrentAsync(LowCodeDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await LatestPublished.RunAsync(db, key, cancellationToken).ConfigureAwait(false);
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

    // Read on every decision, so compiled once rather than translated from LINQ each time.
    private static readonly ProviderCompiledQuery<string, int?> LatestPublished = new((db, key, _) =>
        db.Definitions.AsNoTracking()
            .Where(d => d.Kind == nameof(DefinitionKind.RuleSet) && d.Key == key && d.Status == nameof(DefinitionStatus.Published))
            .OrderByDescending(d => d.Version)
            .Select(d => (int?)d.Version)
            .FirstOrDefault());

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
