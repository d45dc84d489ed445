using System.Collections.Concurrent;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

/// <summary>
/// Published process and form versions, parsed once. A published version is immutable, so caching it by
/// (kind, key, version) can never serve a stale body; which version is latest is always asked of the database.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(DefinitionKind Kind, string Key, int Version), IDefinition> _parsed = new();

    /// <summary>The latest published version number of a key, read through the caller's context (and transaction).</summary>
    public static Task<int?> LatestPublishedAsync(LowCodeDbContext db, DefinitionKind kind, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Latest.For(db)(db, kind.ToString(), key, cancellationToken);
    }

    // Read on every start (the process and each form it pins), so compiled once rather than translated each time.
    private static readonly ProviderCompiled<Func<LowCodeDbContext, string, string, CancellationToken, Task<int?>>> Latest = new(() => EF.CompileAsyncQuery(
        (LowCodeDbContext db, string kind, string key, CancellationToken _) => db.Definitions.AsNoTracking()
            .Where(d => d.Kind == kind && d.Key == key && d.Status == nameof(DefinitionStatus.Published))
            .OrderByDescending(d => d.Version)
            .Select(d => (int?)d.Version)
            .FirstOrDefault()));

    /// <summary>A version's parsed definition (published or retired: a pinned instance keeps running on a retired version).</summary>
    public async Task<T?> GetAsync<T>(LowCodeDbContext db, DefinitionKind kind, string key, int version, CancellationToken cancellationToken)
        where T : class, IDefinition
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_parsed.TryGetValue((kind, key, version), out var cached))
        {
            return cached as T;
        }

        var kindName = kind.ToString();
        var body = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == kindName && d.Key == key && d.Version == version)
            .Select(d => d.Body)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (body is null || DefinitionJson.Parse(kind, body).Definition is not T definition)
        {
            return null;
        }

        return _parsed.GetOrAdd((kind, key, version), definition) as T;
    }
}
