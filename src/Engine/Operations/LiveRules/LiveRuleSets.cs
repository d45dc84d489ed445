using System.Globalization;
using System.Text.Json;
using LowCode.Engine.Metadata;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.LiveRules;

/// <summary>
/// Live rule changes behind a dry run. A dry run of a stored candidate (the draft, bound to its exact etag, or a stored
/// version) is recorded; publishing the draft or rolling back to a version names that record, and is refused when it is
/// missing, of another rule set or candidate, already used, or stale (the draft changed since). The server, not a user
/// interface, guarantees that nothing goes live unseen. The publish, the audit event and the mark on the dry run are
/// one transaction. Routing reads the latest published version inside each decision's transaction, so the next
/// decision of every running instance on every node uses it.
/// </summary>
public sealed class LiveRuleSets(IDbContextFactory<LowCodeDbContext> contexts, RuleSetDryRun dryRun, IDefinitionStore store, TimeProvider clock)
{
    /// <summary>The audit event a live publish or rollback appends beside <c>definitionPublished</c>.</summary>
    public const string PublishedEvent = "ruleSetPublished";

    /// <summary>Runs the dry run and, when it replayed a stored candidate without problems, records it and returns its id.</summary>
    public async Task<DryRunReport> DryRunAsync(DryRunRequest request, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await dryRun.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!report.Succeeded || request.RuleSetJson is not null || report.CandidateETag is null)
        {
            return report;
        }

        var record = new DryRunRecord
        {
            Id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
            RuleSetKey = request.RuleSetKey,
            ProcessKey = request.ProcessKey,
            CandidateVersion = report.RuleSetVersion,
            CandidateETag = report.RuleSetVersion == 0 ? report.CandidateETag : null,
            RunBy = user,
            RunAt = clock.GetUtcNow().UtcDateTime,
            Replayed = report.Replayed,
            Changed = report.Changed,
            Failed = report.Failed,
            Skipped = report.Skipped,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.DryRuns.Add(record);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return report with { DryRunId = record.Id };
    }

    /// <summary>Publishes the draft of <paramref name="key"/> that the dry run <paramref name="dryRunId"/> replayed.</summary>
    public async Task<StoreResult<DefinitionVersion>> PublishAsync(string key, string dryRunId, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (record, refusal) = await FindAsync(key, dryRunId, "publishRuleSet", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.CandidateVersion != 0)
        {
            return Refuse(StoreErrorKind.Invalid, LiveRuleCodes.DryRunMismatch, $"Dry run '{dryRunId}' replayed version {record.CandidateVersion} of rule set '{key}', not its draft. publishRuleSet publishes the draft: dry-run the draft (dryRunRuleSet without a version), or publish version {record.CandidateVersion} again with rollbackRuleSet(key: \"{key}\", toVersion: {record.CandidateVersion}, dryRunId: \"{dryRunId}\").");
        }

        var draft = await store.GetDraftAsync(DefinitionKind.RuleSet, key, cancellationToken).ConfigureAwait(false);
        if (draft is null || !string.Equals(draft.ETag, record.CandidateETag, StringComparison.Ordinal))
        {
            var since = draft is null
                ? "it has no draft any more (published or discarded since)"
                : $"its draft was saved again by {draft.UpdatedBy} at {draft.UpdatedAt:u}";
            return Refuse(StoreErrorKind.Conflict, LiveRuleCodes.DryRunStale, $"Dry run '{dryRunId}' replayed a draft of rule set '{key}' that is no longer current: {since}. Nothing was published; run dryRunRuleSet on the draft as it is now, review it, and publish with the new dryRunId.", draft?.ETag);
        }

        var result = await store.PublishAsync(DefinitionKind.RuleSet, key, record.CandidateETag, user, Attach(record, user, null), cancellationToken).ConfigureAwait(false);
        return result.Error is { Kind: StoreErrorKind.Conflict } conflict
            ? Refuse(StoreErrorKind.Conflict, LiveRuleCodes.DryRunStale, $"{conflict.Message} The dry run '{dryRunId}' no longer describes the draft; run it again.", conflict.CurrentETag)
            : result;
    }

    /// <summary>Publishes the content of version <paramref name="toVersion"/> again as the next version, behind a dry run of that version.</summary>
    public async Task<StoreResult<DefinitionVersion>> RollbackAsync(string key, int toVersion, string dryRunId, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (record, refusal) = await FindAsync(key, dryRunId, "rollbackRuleSet", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.CandidateVersion != toVersion)
        {
            var replayed = record.CandidateVersion == 0 ? "the draft" : $"version {record.CandidateVersion}";
            return Refuse(StoreErrorKind.Invalid, LiveRuleCodes.DryRunMismatch, $"Dry run '{dryRunId}' replayed {replayed} of rule set '{key}', not version {toVersion}. Run dryRunRuleSet with version: {toVersion}, review it, and roll back with that dryRunId.");
        }

        return await store.RepublishAsync(DefinitionKind.RuleSet, key, toVersion, user, Attach(record, user, toVersion), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dry run that version <paramref name="version"/> of <paramref name="key"/> was published from; null when it was not published live.</summary>
    public async Task<DryRunRecord?> GetPublicationAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DryRuns.AsNoTracking()
            .FirstOrDefaultAsync(d => d.RuleSetKey == key && d.PublishedVersion == version, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<(DryRunRecord? Record, StoreResult<DefinitionVersion>? Refusal)> FindAsync(string key, string dryRunId, string operation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dryRunId))
        {
            return (null, Refuse(StoreErrorKind.Invalid, LiveRuleCodes.DryRunRequired, $"{operation} needs the dryRunId of a dry run of what goes live: run dryRunRuleSet for rule set '{key}', review what would change, then pass its dryRunId."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await db.DryRuns.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dryRunId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return (null, Refuse(StoreErrorKind.Invalid, LiveRuleCodes.DryRunRequired, $"There is no dry run '{dryRunId}'. Run dryRunRuleSet for rule set '{key}' and pass the dryRunId it returns (a dry run of unsaved text has none: save it as the draft first)."));
        }

        if (record.RuleSetKey != key)
        {
            return (null, Refuse(StoreErrorKind.Invalid, LiveRuleCodes.DryRunMismatch, $"Dry run '{dryRunId}' replayed rule set '{record.RuleSetKey}', not '{key}'. Run dryRunRuleSet for '{key}' and pass that dryRunId."));
        }

        if (record.PublishedVersion is { } used)
        {
            return (null, Refuse(StoreErrorKind.Conflict, LiveRuleCodes.DryRunStale, $"Dry run '{dryRunId}' was already used: {record.PublishedBy} published it as version {used} of rule set '{key}' at {record.PublishedAt:u}. Run a fresh dry run of what should go live now."));
        }

        return (record, null);
    }

    private PublishAttachment Attach(DryRunRecord seen, string user, int? rollbackOf) => async (db, published, cancellationToken) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.DryRuns.FirstAsync(d => d.Id == seen.Id, cancellationToken).ConfigureAwait(false);
        record.PublishedVersion = published.Version;
        record.PublishedBy = user;
        record.PublishedAt = now;
        db.Events.Add(new EventRecord
        {
            Type = PublishedEvent,
            Actor = user,
            OccurredAt = now,
            Payload = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["key"] = published.Key,
                ["version"] = published.Version,
                ["rollbackOf"] = rollbackOf,
                ["dryRunId"] = record.Id,
                ["processKey"] = record.ProcessKey,
                ["candidateVersion"] = record.CandidateVersion,
                ["dryRunBy"] = record.RunBy,
                ["dryRunAt"] = DateTime.SpecifyKind(record.RunAt, DateTimeKind.Utc),
                ["replayed"] = record.Replayed,
                ["changed"] = record.Changed,
                ["failed"] = record.Failed,
                ["skipped"] = record.Skipped,
            }),
        });
    };

    private static StoreResult<DefinitionVersion> Refuse(StoreErrorKind kind, string code, string message, string? currentETag = null) =>
        new(new StoreError(kind, message) { Problems = [new ValidationProblem("dryRunId", message, code)], CurrentETag = currentETag });
}
