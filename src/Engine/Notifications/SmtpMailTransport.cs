using LowCode.Engine.Storage.Records;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LowCode.Engine.Notifications;

/// <summary>Sends outbox e-mail over SMTP with MailKit, one connection per message (notifications are few and far between).</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(OutboxRecord mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.Target));
        message.Subject = mail.Path ?? string.Empty;
        message.MessageId = $"{mail.Id}@lowcode";
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"LowCode:Mail:Security is '{options.Security}'; use Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.");
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken).ConfigureAwait(false);
        if (options.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
