using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>The EF Core implementation of <see cref="IDefinitionStore"/>; each call is one short transaction.</summary>
/// <remarks>Every committed change is handed to <see cref="IDefinitionChangeNotifier"/> after SaveChanges succeeds, never before.</remarks>
public sealed class EfDefinitionStore(
    IDbContextFactory<LowCodeDbContext> contexts,
    DefinitionValidator validator,
    TimeProvider clock,
    IDefinitionChangeNotifier notifier) : IDefinitionStore
{
    private const int DraftVersion = 0;

    public async Task<IReadOnlyList<DefinitionVersion>> ListAsync(DefinitionKind? kind = null, DefinitionStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Definitions.AsNoTracking();
        if (kind is { } k)
        {
            var kindName = k.ToString();
            query = query.Where(d => d.Kind == kindName);
        }

        if (status is { } s)
        {
            var statusName = s.ToString();
            query = query.Where(d => d.Status == statusName);
        }

        var records = await query.OrderBy(d => d.Kind).ThenBy(d => d.Key).ThenByDescending(d => d.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.Select(ToVersion)];
    }

    public async Task<DefinitionVersion?> GetAsync(DefinitionKind kind, string key, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = version is { } v
            ? await Versions(db, kind, key).FirstOrDefaultAsync(d => d.Version == v, cancellationToken).ConfigureAwait(false)
            : await LatestPublished(db, kind, key, cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToVersion(record);
    }

    public Task<DefinitionVersion?> GetDraftAsync(DefinitionKind kind, string key, CancellationToken cancellationToken = default) =>
        GetAsync(kind, key, DraftVersion, cancellationToken);

    public async Task<IReadOnlyList<DefinitionVersion>> GetHistoryAsync(DefinitionKind kind, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var records = await Versions(db, kind, key).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. records.OrderBy(d => d.Version == DraftVersion ? 0 : 1).ThenByDescending(d => d.Version).Select(ToVersion)];
    }

    public async Task<StoreResult<DefinitionVersion>> SaveDraftAsync(DefinitionKind kind, string json, string? expectedETag, string user, CancellationToken cancellationToken = default)
    {
        var parsed = DefinitionJson.Parse(kind, json);
        if (parsed.Definition is not { } definition)
        {
            return Invalid(kind, null, parsed.Problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await StoreCatalog.LoadAsync(db, includeDrafts: true, replacing: definition, cancellationToken).ConfigureAwait(false);
        var problems = validator.Validate(definition, catalog);
        var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToImmutableArray();
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        if (!errors.IsEmpty)
        {
            return Invalid(kind, definition.Key, errors) with { Warnings = warnings };
        }

        var draft = await Versions(db, kind, definition.Key).FirstOrDefaultAsync(d => d.Version == DraftVersion, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var body = DefinitionJson.Serialize(definition);
        if (draft is null)
        {
            if (expectedETag is not null)
            {
                return Conflict($"The draft of {Describe(kind, definition.Key)} you were editing no longer exists (it was published or discarded). Reload and start a new draft from the latest version.");
            }

            draft = new DefinitionRecord
            {
                Kind = kind.ToString(),
                Key = definition.Key,
                Version = DraftVersion,
                Status = nameof(DefinitionStatus.Draft),
                Name = definition.Name,
                Body = body,
                ETag = NewETag(),
                CreatedBy = user,
                CreatedAt = now,
                UpdatedBy = user,
                UpdatedAt = now,
            };
            db.Definitions.Add(draft);
        }
        else
        {
            if (!string.Equals(draft.ETag, expectedETag, StringComparison.Ordinal))
            {
                return StaleETag(kind, definition.Key, draft, expectedETag);
            }

            draft.Name = definition.Name;
            draft.Body = body;
            draft.ETag = NewETag();
            draft.UpdatedBy = user;
            draft.UpdatedAt = now;
        }

        return Notify(await SaveAsync(db, draft, kind, cancellationToken).ConfigureAwait(false), DefinitionChangeKind.DraftSaved, user, now) with { Warnings = warnings };
    }

    public Task<StoreResult<DefinitionVersion>> PublishAsync(DefinitionKind kind, string key, string? expectedETag, string user, CancellationToken cancellationToken = default) =>
        PublishAsync(kind, key, expectedETag, user, null, cancellationToken);

    public async Task<StoreResult<DefinitionVersion>> PublishAsync(DefinitionKind kind, string key, string? expectedETag, string user, PublishAttachment? alongside, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var draft = await Versions(db, kind, key).FirstOrDefaultAsync(d => d.Version == DraftVersion, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return NotFound($"{Describe(kind, key)} has no draft to publish. Save a draft first.");
        }

        if (expectedETag is not null && !string.Equals(draft.ETag, expectedETag, StringComparison.Ordinal))
        {
            return StaleETag(kind, key, draft, expectedETag);
        }

        db.Definitions.Remove(draft);
        return await PublishBodyAsync(db, kind, key, draft, user, alongside, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoreResult<DefinitionVersion>> RepublishAsync(DefinitionKind kind, string key, int fromVersion, string user, PublishAttachment? alongside, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var source = await Versions(db, kind, key).AsNoTracking().FirstOrDefaultAsync(d => d.Version == fromVersion && fromVersion != DraftVersion, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return NotFound($"{Describe(kind, key)} has no published or retired version {fromVersion} to publish again.");
        }

        return await PublishBodyAsync(db, kind, key, source, user, alongside, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates <paramref name="source"/>'s body against published definitions and saves it as the next version, with what <paramref name="alongside"/> adds, in one transaction.</summary>
    private async Task<StoreResult<DefinitionVersion>> PublishBodyAsync(LowCodeDbContext db, DefinitionKind kind, string key, DefinitionRecord source, string user, PublishAttachment? alongside, CancellationToken cancellationToken)
    {
        var definition = DefinitionJson.Parse(kind, source.Body).Definition!;
        var catalog = await StoreCatalog.LoadAsync(db, includeDrafts: false, replacing: definition, cancellationToken).ConfigureAwait(false);
        var problems = validator.Validate(definition, catalog);
        var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToImmutableArray();
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        if (!errors.IsEmpty)
        {
            return Invalid(kind, key, errors) with { Warnings = warnings };
        }

        var latest = await Versions(db, kind, key).MaxAsync(d => (int?)d.Version, cancellationToken).ConfigureAwait(false) ?? DraftVersion;
        var now = clock.GetUtcNow().UtcDateTime;
        var published = new DefinitionRecord
        {
            Kind = source.Kind,
            Key = key,
            Version = latest + 1,
            Status = nameof(DefinitionStatus.Published),
            Name = source.Name,
            Body = source.Body,
            ETag = NewETag(),
            CreatedBy = source.CreatedBy,
            CreatedAt = source.CreatedAt,
            UpdatedBy = user,
            UpdatedAt = now,
            PublishedAt = now,
        };
        db.Definitions.Add(published);
        db.Events.Add(LifecycleEvent("definitionPublished", kind, key, published.Version, user, now));
        if (alongside is not null)
        {
            await alongside(db, published, cancellationToken).ConfigureAwait(false);
        }

        return Notify(await SaveAsync(db, published, kind, cancellationToken).ConfigureAwait(false), DefinitionChangeKind.Published, user, now) with { Warnings = warnings };
    }

    public async Task<StoreResult<DefinitionVersion>> RetireAsync(DefinitionKind kind, string key, int version, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await Versions(db, kind, key).FirstOrDefaultAsync(d => d.Version == version && version != DraftVersion, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound($"{Describe(kind, key)} has no published version {version}.");
        }

        if (record.Status == nameof(DefinitionStatus.Retired))
        {
            return Conflict($"Version {version} of {Describe(kind, key)} is already retired.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.Status = nameof(DefinitionStatus.Retired);
        record.RetiredAt = now;
        record.UpdatedBy = user;
        record.UpdatedAt = now;
        record.ETag = NewETag();
        db.Events.Add(LifecycleEvent("definitionRetired", kind, key, version, user, now));
        return Notify(await SaveAsync(db, record, kind, cancellationToken).ConfigureAwait(false), DefinitionChangeKind.Retired, user, now);
    }

    public async Task<StoreResult<DefinitionVersion>> DiscardDraftAsync(DefinitionKind kind, string key, string expectedETag, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var draft = await Versions(db, kind, key).FirstOrDefaultAsync(d => d.Version == DraftVersion, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return NotFound($"{Describe(kind, key)} has no draft.");
        }

        if (!string.Equals(draft.ETag, expectedETag, StringComparison.Ordinal))
        {
            return StaleETag(kind, key, draft, expectedETag);
        }

        db.Definitions.Remove(draft);
        var result = ToVersion(draft);
        var saved = await SaveAsync(db, draft, kind, cancellationToken).ConfigureAwait(false);
        return saved.Succeeded
            ? Notify(new StoreResult<DefinitionVersion>(result), DefinitionChangeKind.DraftDiscarded, user, clock.GetUtcNow().UtcDateTime)
            : saved;
    }

    private StoreResult<DefinitionVersion> Notify(StoreResult<DefinitionVersion> saved, DefinitionChangeKind change, string user, DateTime now)
    {
        if (saved.Value is { } version)
        {
            notifier.Publish(new DefinitionChange(change, version.Kind, version.Key, version.Version, user, DateTime.SpecifyKind(now, DateTimeKind.Utc), version));
        }

        return saved;
    }

    private static async Task<StoreResult<DefinitionVersion>> SaveAsync(LowCodeDbContext db, DefinitionRecord record, DefinitionKind kind, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new StoreResult<DefinitionVersion>(ToVersion(record));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict($"{Describe(kind, record.Key)} was changed by someone else while you were saving. Reload it and apply your change again.");
        }
        catch (DbUpdateException)
        {
            // The unique (kind, key, version) index: another writer created the same draft or version first.
            return Conflict($"{Describe(kind, record.Key)} was changed by someone else at the same moment. Reload it and try again.");
        }
    }

    private static IQueryable<DefinitionRecord> Versions(LowCodeDbContext db, DefinitionKind kind, string key)
    {
        var kindName = kind.ToString();
        return db.Definitions.Where(d => d.Kind == kindName && d.Key == key);
    }

    private static Task<DefinitionRecord?> LatestPublished(LowCodeDbContext db, DefinitionKind kind, string key, CancellationToken cancellationToken) =>
        Versions(db, kind, key).AsNoTracking()
            .Where(d => d.Status == nameof(DefinitionStatus.Published))
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);

    internal static DefinitionVersion ToVersion(DefinitionRecord record)
    {
        var kind = Enum.Parse<DefinitionKind>(record.Kind);
        return new DefinitionVersion(
            kind,
            record.Key,
            record.Version,
            Enum.Parse<DefinitionStatus>(record.Status),
            record.Name,
            DefinitionJson.Parse(kind, record.Body).Definition!,
            record.Body,
            record.ETag,
            record.CreatedBy,
            DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc),
            record.UpdatedBy,
            DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc),
            record.PublishedAt is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null,
            record.RetiredAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : null);
    }

    private static EventRecord LifecycleEvent(string type, DefinitionKind kind, string key, int version, string user, DateTime now) => new()
    {
        Type = type,
        Actor = user,
        OccurredAt = now,
        Payload = JsonSerializer.Serialize(new Dictionary<string, object> { ["kind"] = kind.ToString(), ["key"] = key, ["version"] = version }),
    };

    private static string NewETag() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static string Describe(DefinitionKind kind, string key) => $"The {DefinitionJson.KindName(kind)} '{key}'";

    private static StoreResult<DefinitionVersion> StaleETag(DefinitionKind kind, string key, DefinitionRecord current, string? expected) =>
        new(new StoreError(StoreErrorKind.Conflict, expected is null
            ? $"{Describe(kind, key)} already has a draft (last saved by {current.UpdatedBy} at {current.UpdatedAt:u}). Load it and save with its etag to replace it."
            : $"{Describe(kind, key)} was changed by {current.UpdatedBy} at {current.UpdatedAt:u} after you loaded it. Nothing was saved; reload the draft and apply your change again.")
        {
            CurrentETag = current.ETag,
        });

    private static StoreResult<DefinitionVersion> Conflict(string message) => new StoreResult<DefinitionVersion>(new StoreError(StoreErrorKind.Conflict, message));

    private static StoreResult<DefinitionVersion> NotFound(string message) => new StoreResult<DefinitionVersion>(new StoreError(StoreErrorKind.NotFound, message));

    private static StoreResult<DefinitionVersion> Invalid(DefinitionKind kind, string? key, System.Collections.Immutable.ImmutableArray<ValidationProblem> problems) =>
        new StoreResult<DefinitionVersion>(new StoreError(
            StoreErrorKind.Invalid,
            $"{(key is null ? $"The {DefinitionJson.KindName(kind)}" : Describe(kind, key))} has {problems.Length} problem{(problems.Length == 1 ? string.Empty : "s")}; nothing was saved.")
        {
            Problems = problems,
        });
}
