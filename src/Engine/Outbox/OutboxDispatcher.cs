using LowCode.Engine.Notifications;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Engine.Outbox;

/// <summary>
/// Delivers the outbox: claims due rows with a lease (several dispatchers or nodes never hold one row), sends each
/// webhook through <see cref="WebhookSender"/> and each e-mail through the configured <see cref="IMailTransport"/>,
/// and settles the row. A webhook's result moves its instance on (or fails it) in the same transaction that marks the
/// row; an e-mail that fails waits and tries again (doubling the delay) until its retries are spent, then stays
/// <c>failed</c> with its last error.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<LowCodeDbContext> contexts,
    ProcessRuntime runtime,
    WebhookSender webhooks,
    IMailTransport mail,
    MailOptions mailOptions,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<OutboxDispatcher>.Instance;

    /// <summary>This dispatcher's name on the leases it takes.</summary>
    public string Owner { get; } = $"outbox-{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Claims and delivers what is due now; returns how many rows it settled or rescheduled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var boundaries = options.Boundaries;
        IReadOnlyList<string> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            ids = await LeaseClaims.ClaimAsync(db, "outbox", "NextAttemptAt", $"\"Status\" = '{OutboxStatuses.Pending}'", Owner, now, now + boundaries.LeaseDuration, boundaries.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in ids)
        {
            OutboxRecord? row;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.LeaseOwner == Owner && o.Status == OutboxStatuses.Pending, cancellationToken).ConfigureAwait(false);
            }

            if (row is null)
            {
                continue;
            }

            try
            {
                await DeliverAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease runs out and another pass tries again; the row stays pending and says why.
                _logger.LogError(ex, "Outbox message {Id} ({Kind} to {Target}) could not be settled", row.Id, row.Kind, row.Target);
                await RescheduleAsync(row, ex.Message, cancellationToken).ConfigureAwait(false);
            }
        }

        return ids.Count;
    }

    private async Task DeliverAsync(OutboxRecord row, CancellationToken cancellationToken)
    {
        if (row.Kind == OutboxKinds.Webhook)
        {
            var outcome = await webhooks.SendAsync(row, cancellationToken).ConfigureAwait(false);
            row.Attempts += outcome.Attempts;
            row.ResponseStatus = outcome.Status;
            if (row.InstanceId is null)
            {
                await SettleAsync(row, outcome.Succeeded ? OutboxStatuses.Sent : OutboxStatuses.Failed, outcome.Error, cancellationToken).ConfigureAwait(false);
            }
            else if (outcome.Succeeded)
            {
                await runtime.WebhookSentAsync(row, outcome.Status!.Value, outcome.Response, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _logger.LogWarning("Webhook {Id} to connection {Target} failed: {Error}", row.Id, row.Target, outcome.Error);
                await runtime.WebhookFailedAsync(row, outcome.Error!, outcome.Refused, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            row.Attempts++;
            await mail.SendAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "E-mail {Id} to {Target} failed (attempt {Attempt})", row.Id, row.Target, row.Attempts);
            if (row.Attempts > row.Retries)
            {
                await SettleAsync(row, OutboxStatuses.Failed, $"Not delivered after {row.Attempts} attempts: {ex.Message}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RescheduleAsync(row, ex.Message, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await SettleAsync(row, OutboxStatuses.Sent, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task SettleAsync(OutboxRecord row, string status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(o => o.Id == row.Id && o.Status == OutboxStatuses.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, status)
                .SetProperty(o => o.Attempts, row.Attempts)
                .SetProperty(o => o.LastError, error)
                .SetProperty(o => o.ResponseStatus, row.ResponseStatus)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTime?)null)
                .SetProperty(o => o.SentAt, status == OutboxStatuses.Sent ? now : null)
                .SetProperty(o => o.FailedAt, status == OutboxStatuses.Failed ? now : null),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RescheduleAsync(OutboxRecord row, string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var next = clock.GetUtcNow() + mailOptions.RetryDelay * Math.Pow(2, Math.Max(0, row.Attempts - 1));
        await db.Outbox.Where(o => o.Id == row.Id && o.Status == OutboxStatuses.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Attempts, row.Attempts)
                .SetProperty(o => o.LastError, error)
                .SetProperty(o => o.NextAttemptAt, next.UtcDateTime)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTime?)null),
            cancellationToken).ConfigureAwait(false);
    }
}
