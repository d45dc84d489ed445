namespace LowCode.Engine.Notifications;

/// <summary>An in-app notification as a principal sees it.</summary>
public sealed record Notification(
    string Id,
    string? RecipientUser,
    string? RecipientRole,
    string? Subject,
    string Message,
    string? InstanceId,
    string? StepKey,
    string? Rule,
    DateTimeOffset CreatedAt);
