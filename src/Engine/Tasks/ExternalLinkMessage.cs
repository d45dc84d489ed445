namespace LowCode.Engine.Tasks;

/// <summary>
/// A link to send to an external participant: the only place the raw token exists outside the participant's hands.
/// <see cref="Reissued"/> is true when it replaces an earlier link for the same step (a rework loop or a resend).
/// </summary>
public sealed record ExternalLinkMessage(
    string TaskId,
    string InstanceId,
    string ProcessKey,
    string StepKey,
    string? StepName,
    string Email,
    string Token,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Reissued)
{
    /// <summary>Keeps the token out of logs and exception messages.</summary>
    public override string ToString() => $"Link for task {TaskId} ({StepKey}) to {Email}, valid until {ExpiresAt:u}";
}
