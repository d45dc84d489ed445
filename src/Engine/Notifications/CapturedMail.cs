namespace LowCode.Engine.Notifications;

/// <summary>An e-mail the development mail sink kept instead of sending.</summary>
public sealed record CapturedMail(long Id, string OutboxId, string From, string To, string Subject, string Body, DateTimeOffset CapturedAt);
