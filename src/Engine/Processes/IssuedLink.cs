namespace LowCode.Engine.Processes;

/// <summary>What a resend did: the task, where the new link went and until when it is valid (never the token).</summary>
public sealed record IssuedLink(string TaskId, string Email, DateTimeOffset ExpiresAt);
