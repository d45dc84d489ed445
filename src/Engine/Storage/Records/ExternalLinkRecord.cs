namespace LowCode.Engine.Storage.Records;

/// <summary>
/// One link token issued to an external participant for one task. Only the token's SHA-256 hash is kept: the token
/// itself leaves in the participant's e-mail. Kept after use, expiry and revocation so that a stale link gets a
/// precise answer (used, expired, revoked) instead of "unknown".
/// </summary>
public sealed class ExternalLinkRecord
{
    /// <summary>The token's SHA-256 hash, lower-case hex.</summary>
    public required string TokenHash { get; set; }

    public required string TaskId { get; set; }

    public required string InstanceId { get; set; }

    public required string StepKey { get; set; }

    /// <summary>The address the link was sent to.</summary>
    public required string Email { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When a newer link for the same step (a re-issue or a resend) replaced this one.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>When the task was completed through this link.</summary>
    public DateTime? UsedAt { get; set; }
}
