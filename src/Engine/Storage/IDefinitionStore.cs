using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>
/// Where definitions live. Drafts are edited under optimistic concurrency (pass the etag you read; a stale one is a
/// conflict and nothing is written); publishing turns the draft into the next immutable numbered version; retiring
/// hides a version from new starts. Implementations validate before they write, and tell
/// <see cref="IDefinitionChangeNotifier"/> about each change once it is committed.
/// </summary>
public interface IDefinitionStore
{
    /// <summary>The draft and every version of every definition, or of one kind.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListAsync(DefinitionKind? kind = null, DefinitionStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>A version by number, or the latest published one when <paramref name="version"/> is null.</summary>
    Task<DefinitionVersion?> GetAsync(DefinitionKind kind, string key, int? version = null, CancellationToken cancellationToken = default);

    Task<DefinitionVersion?> GetDraftAsync(DefinitionKind kind, string key, CancellationToken cancellationToken = default);

    /// <summary>Every version of a key, newest first, the draft first of all.</summary>
    Task<IReadOnlyList<DefinitionVersion>> GetHistoryAsync(DefinitionKind kind, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces the draft of the definition in <paramref name="json"/>. Creating needs no etag; replacing
    /// needs the etag of the draft being replaced.
    /// </summary>
    Task<StoreResult<DefinitionVersion>> SaveDraftAsync(DefinitionKind kind, string json, string? expectedETag, string user, CancellationToken cancellationToken = default);

    /// <summary>Publishes the draft as the next version after validating it against published definitions only.</summary>
    Task<StoreResult<DefinitionVersion>> PublishAsync(DefinitionKind kind, string key, string? expectedETag, string user, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes the draft as <see cref="PublishAsync(DefinitionKind, string, string?, string, CancellationToken)"/> does, and in the same
    /// transaction writes what <paramref name="alongside"/> adds (a live rule publish marks the dry run it was seen in).
    /// </summary>
    Task<StoreResult<DefinitionVersion>> PublishAsync(DefinitionKind kind, string key, string? expectedETag, string user, PublishAttachment? alongside, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes the body of version <paramref name="fromVersion"/> again as the next version (a rollback), validated
    /// against published definitions; the draft, if any, is left alone.
    /// </summary>
    Task<StoreResult<DefinitionVersion>> RepublishAsync(DefinitionKind kind, string key, int fromVersion, string user, PublishAttachment? alongside, CancellationToken cancellationToken = default);

    Task<StoreResult<DefinitionVersion>> RetireAsync(DefinitionKind kind, string key, int version, string user, CancellationToken cancellationToken = default);

    /// <summary>Throws the draft away; needs the etag of the draft being discarded.</summary>
    Task<StoreResult<DefinitionVersion>> DiscardDraftAsync(DefinitionKind kind, string key, string expectedETag, string user, CancellationToken cancellationToken = default);
}

/// <summary>What a publish writes besides the version, in its transaction: <paramref name="published"/> is the new version's row, not yet saved.</summary>
public delegate Task PublishAttachment(LowCodeDbContext db, Records.DefinitionRecord published, CancellationToken cancellationToken);
