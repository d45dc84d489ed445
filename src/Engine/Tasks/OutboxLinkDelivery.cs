using System.Globalization;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Sends a link as an e-mail through the outbox, written in the step's transaction: the mail leaves only if the task
/// and the token's hash commit, and the outbox dispatcher retries it until the SMTP server takes it.
/// </summary>
public sealed class OutboxLinkDelivery(ExternalLinkOptions options) : IExternalLinkDelivery
{
    public void Deliver(LowCodeDbContext db, ExternalLinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var task = message.StepName ?? message.StepKey;
        var subject = message.Reissued ? $"A new link for: {task}" : $"Your link for: {task}";
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            Hello,

            please open this personal link to complete "{task}":

            {options.Url(message.Token)}

            The link works once and until {message.ExpiresAt:yyyy-MM-dd HH:mm} UTC.{(message.Reissued ? " It replaces the link we sent you before, which no longer works." : string.Empty)}
            Do not forward it: whoever has it can complete the task.
            """);
        Outbox.Outbox.Enqueue(db, Outbox.OutboxMessage.Email(message.Email, subject, text, message.InstanceId, message.StepKey, message.TaskId), message.IssuedAt);
    }
}
