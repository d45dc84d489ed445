using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Notifications;

/// <summary>Reads the in-app notifications of a principal, the captured development mails and the outbox.</summary>
public sealed class NotificationQueries(IDbContextFactory<LowCodeDbContext> contexts)
{
    /// <summary>Notifications for the principal itself and for every group it is in, newest first.</summary>
    public async Task<IReadOnlyList<Notification>> ForAsync(Principal principal, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var groups = principal.Groups.IsDefault ? [] : principal.Groups.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUser == principal.Id || (n.RecipientRole != null && groups.Contains(n.RecipientRole)))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(limit, 1, 500))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(n => new Notification(n.Id, n.RecipientUser, n.RecipientRole, n.Subject, n.Message, n.InstanceId, n.StepKey, n.Rule, Utc(n.CreatedAt)))];
    }

    /// <summary>One notification by id; null when there is none.</summary>
    public async Task<Notification?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken).ConfigureAwait(false);
        return n is null ? null : new Notification(n.Id, n.RecipientUser, n.RecipientRole, n.Subject, n.Message, n.InstanceId, n.StepKey, n.Rule, Utc(n.CreatedAt));
    }

    /// <summary>Mails the development sink captured, newest first.</summary>
    public async Task<IReadOnlyList<CapturedMail>> CapturedMailsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CapturedMails.AsNoTracking().OrderByDescending(m => m.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(m => new CapturedMail(m.Id, m.OutboxId, m.From, m.To, m.Subject, m.Body, Utc(m.CapturedAt)))];
    }

    /// <summary>Outbox rows, newest first, optionally of one status (<c>pending</c>, <c>sent</c>, <c>failed</c>) or instance.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string? status, string? instanceId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Outbox.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(o => o.Status == status);
        }

        if (instanceId is not null)
        {
            query = query.Where(o => o.InstanceId == instanceId);
        }

        var rows = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(o => new OutboxEntry(
            o.Id, o.Kind, o.Status, o.Target, o.InstanceId, o.StepKey, o.Attempts, o.LastError, o.ResponseStatus,
            Utc(o.CreatedAt), Utc(o.NextAttemptAt), o.SentAt is { } s ? Utc(s) : null, o.FailedAt is { } f ? Utc(f) : null))];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
