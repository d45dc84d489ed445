using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Notifications;

/// <summary>
/// The development mail sink: instead of sending, stores the mail in <c>captured_mails</c>, where the Api lists it
/// (GraphQL <c>capturedMails</c>, development only), so nobody needs an SMTP server to see what would go out.
/// </summary>
public sealed class CapturingMailTransport(IDbContextFactory<LowCodeDbContext> contexts, MailOptions options, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(OutboxRecord mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.CapturedMails.AnyAsync(m => m.OutboxId == mail.Id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.CapturedMails.Add(new CapturedMailRecord
        {
            OutboxId = mail.Id,
            From = options.From,
            To = mail.Target,
            Subject = mail.Path ?? string.Empty,
            Body = mail.Body,
            CapturedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
