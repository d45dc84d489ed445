using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LowCode.Engine.Changes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Api.Identity;

/// <summary>
/// Creates, lists, revokes and checks API keys. Creating and revoking append an audit event (<c>apiKeyCreated</c>,
/// <c>apiKeyRevoked</c>) with the acting principal in the same transaction as the change.
/// </summary>
/// <remarks>
/// A key that authenticated is remembered for <paramref name="cacheFor"/> (<c>LowCode:Identity:ApiKeyCacheSeconds</c>,
/// default 10 s) so that a busy caller costs a hash, not a database read, per request. A revocation is a runtime change
/// (<see cref="RuntimeChangeKind.ApiKeyRevoked"/>) sent after its commit, to this node and, on PostgreSQL, to every
/// other node and from the keys command, so each node forgets the key at once (<see cref="FollowRevocationsAsync"/>).
/// The cache time bounds the rest: a node whose listening connection was down when the revocation was sent, and a
/// SQLite Api revoked by the keys command (another process, with no channel between them). Zero turns the cache off.
/// </remarks>
internal sealed class ApiKeyStore(IDbContextFactory<LowCodeDbContext> contexts, TimeProvider clock, ILogger<ApiKeyStore> logger, TimeSpan cacheFor)
{
    public const string CreatedEvent = "apiKeyCreated";
    public const string RevokedEvent = "apiKeyRevoked";

    /// <summary>How long a node may go on accepting a key revoked on another node, unless configured.</summary>
    public static readonly TimeSpan DefaultCacheFor = TimeSpan.FromSeconds(10);

    /// <summary>Past this many remembered keys the cache starts afresh, so a flood of distinct keys cannot grow it without bound.</summary>
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    public ApiKeyStore(IDbContextFactory<LowCodeDbContext> contexts, TimeProvider clock, ILogger<ApiKeyStore> logger)
        : this(contexts, clock, logger, DefaultCacheFor)
    {
    }

    /// <summary>Checks the request's inputs and stores a new key; the key's text is in the result and nowhere else.</summary>
    public async Task<ApiKeyResult> CreateAsync(string? name, ApiPrincipal principal, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (Problem(name, principal) is { } problem)
        {
            return ApiKeyResult.Invalid(problem);
        }

        var (id, token) = ApiKeyToken.New();
        var record = new ApiKeyRecord
        {
            Id = id,
            Name = name!.Trim(),
            SecretHash = ApiKeyToken.Hash(token),
            PrincipalId = principal.Id.Trim(),
            Groups = string.Join(',', principal.Groups),
            Permissions = PermissionNames.Format(principal.Permissions),
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ApiKeys.Add(record);
        db.Events.Add(Audit(CreatedEvent, record, actor));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Audit: {Actor} created API key {KeyId} '{Name}' for {Principal} ({Permissions})", actor, id, record.Name, record.PrincipalId, record.Permissions);
        return new ApiKeyResult(record, token, null);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes the key with this id, or the one active key with this name.</summary>
    public async Task<ApiKeyResult> RevokeAsync(string idOrName, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var wanted = idOrName.Trim();
        var matches = await db.ApiKeys.Where(k => k.Id == wanted || (k.Name == wanted && k.RevokedAt == null)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var record = matches.FirstOrDefault(k => k.Id == wanted) ?? (matches.Count == 1 ? matches[0] : null);
        if (record is null)
        {
            return ApiKeyResult.Invalid(matches.Count > 1
                ? $"{matches.Count} active keys are named '{wanted}'; revoke one by its id ({string.Join(", ", matches.Select(k => k.Id))})."
                : $"There is no API key with the id or active name '{wanted}'; `keys list` shows them.");
        }

        if (record.RevokedAt is not null)
        {
            return ApiKeyResult.Invalid($"API key {record.Id} '{record.Name}' was already revoked by {record.RevokedBy} at {record.RevokedAt:u}.");
        }

        record.RevokedAt = clock.GetUtcNow().UtcDateTime;
        record.RevokedBy = actor;
        db.Events.Add(Audit(RevokedEvent, record, actor));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(record.Id, out _);
        logger.LogInformation("Audit: {Actor} revoked API key {KeyId} '{Name}' of {Principal}", actor, record.Id, record.Name, record.PrincipalId);
        return new ApiKeyResult(record, null, null);
    }

    /// <summary>Forgets each key whose revocation is committed, here or on another node, until <paramref name="stopping"/>.</summary>
    public async Task FollowRevocationsAsync(IRuntimeChangeNotifier changes, CancellationToken stopping)
    {
        try
        {
            await foreach (var change in changes.Subscribe(c => c.Kind == RuntimeChangeKind.ApiKeyRevoked, stopping).ConfigureAwait(false))
            {
                _cache.TryRemove(change.Id, out _);
                logger.LogInformation("API key {KeyId} was revoked; this node no longer accepts it", change.Id);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>The principal a key carries; null for text that is not a key, an unknown key or a revoked one.</summary>
    public async Task<ApiPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (ApiKeyToken.IdOf(token) is not { } id)
        {
            return null;
        }

        var now = clock.GetTimestamp();
        if (_cache.TryGetValue(id, out var cached) && clock.GetElapsedTime(cached.CheckedAt, now) < cacheFor)
        {
            return ApiKeyToken.Matches(token, cached.SecretHash) ? cached.Principal : null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (record is null || record.RevokedAt is not null || !ApiKeyToken.Matches(token, record.SecretHash))
        {
            _cache.TryRemove(id, out _);
            return null;
        }

        var principal = PrincipalOf(record);
        if (cacheFor > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[id] = new CachedKey(record.SecretHash, principal, now);
        }

        return principal;
    }

    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AnyAsync(k => k.RevokedAt == null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiKeys.AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    public static ApiPrincipal PrincipalOf(ApiKeyRecord record) => new(
        record.PrincipalId,
        [.. record.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        PermissionNames.Parse([record.Permissions]).Permissions);

    private static string? Problem(string? name, ApiPrincipal principal)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return "Give the key a name of 1 to 100 characters that says who or what uses it, e.g. --name ci-deploy.";
        }

        if (string.IsNullOrWhiteSpace(principal.Id) || principal.Id.Trim().Length > 320 || principal.Id.Any(char.IsWhiteSpace))
        {
            return "Give the principal the key acts as: an id without spaces, usually an e-mail address, e.g. --principal ada@example.com.";
        }

        if (principal.Permissions == Permissions.None)
        {
            return "Give the key at least one permission: admin, designer, analyst or user (comma-separated), e.g. --permissions designer,analyst.";
        }

        return principal.Groups.FirstOrDefault(g => g.Length == 0 || g.Length > 64 || g.Contains(',', StringComparison.Ordinal)) is { } bad
            ? $"The group '{bad}' is not a valid group name: use 1 to 64 characters without commas."
            : null;
    }

    private static EventRecord Audit(string type, ApiKeyRecord record, string actor) => new()
    {
        Type = type,
        Actor = actor,
        OccurredAt = type == CreatedEvent ? record.CreatedAt : record.RevokedAt!.Value,
        Payload = new JsonObject
        {
            ["keyId"] = record.Id,
            ["name"] = record.Name,
            ["principal"] = record.PrincipalId,
            ["groups"] = new JsonArray([.. record.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => (JsonNode?)g)]),
            ["permissions"] = record.Permissions,
        }.ToJsonString(),
    };
}

/// <summary>A key that authenticated: its stored hash (a mistyped secret with the same id still fails) and when it was read.</summary>
internal sealed record CachedKey(string SecretHash, ApiPrincipal Principal, long CheckedAt);

/// <summary>The outcome of creating or revoking a key: the stored row (and, on creation, the key's text), or why not.</summary>
internal sealed record ApiKeyResult(ApiKeyRecord? Key, string? Token, string? Error)
{
    public static ApiKeyResult Invalid(string error) => new(null, null, error);
}
