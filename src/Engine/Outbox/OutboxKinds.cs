namespace LowCode.Engine.Outbox;

/// <summary>What an <see cref="OutboxMessage"/> is: a webhook call, an e-mail, or an in-app notification.</summary>
public static class OutboxKinds
{
    public const string Webhook = "webhook";
    public const string Email = "email";

    /// <summary>Lands in the in-app list at commit (a row of <c>notifications</c>); nothing leaves the database.</summary>
    public const string Notification = "notification";
}
