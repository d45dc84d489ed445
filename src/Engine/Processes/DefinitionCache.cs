using System.Collections.Concurrent;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Processes;

/// <summary>
/// Published process and form versions, parsed once. A published version is immutable, so caching it by
/// (kind, key, version) can never serve a stale body. Which version is latest is asked of the database, except where
/// the caller's commit checks it (a start, see <see cref="Storage.DefinitionRead"/>): there the latest version this
/// node last read stands in for the read, and a commit that finds a newer one makes the step forget it and run again.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(DefinitionKind Kind, string Key, int Version), IDefinition> _parsed = new();
    private readonly ConcurrentDictionary<(DefinitionKind Kind, string Key), int> _latest = new();

    /// <summary>
    /// The latest published version of a key: the one this node last read when <paramref name="checkedAtCommit"/> (the
    /// caller's commit checks it), else read through <paramref name="db"/>. "None published" is never remembered: an
    /// answer that refuses the step commits nothing, so nothing would check it.
    /// </summary>
    internal async Task<int?> LatestAsync(LowCodeDbContext db, DefinitionKind kind, string key, bool checkedAtCommit, CancellationToken cancellationToken)
    {
        if (checkedAtCommit && _latest.TryGetValue((kind, key), out var known))
        {
            return known;
        }

        var version = await LatestPublishedAsync(db, kind, key, cancellationToken).ConfigureAwait(false);
        if (version is { } latest)
        {
            _latest[(kind, key)] = latest;
        }
        else
        {
            _latest.TryRemove((kind, key), out _);
        }

        return version;
    }

    /// <summary>
    /// Forgets every latest version read here: a commit found one of them replaced, and a publish often replaces
    /// several together (a process with its forms), of which the commit names only the first it checked.
    /// </summary>
    internal void ForgetLatest() => _latest.Clear();

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
