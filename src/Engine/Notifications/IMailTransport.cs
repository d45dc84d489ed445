using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Notifications;

/// <summary>Delivers one outbox e-mail; throws when it could not (the dispatcher retries and records the error).</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxRecord mail, CancellationToken cancellationToken);
}
