namespace LowCode.Engine.Metadata;

/// <summary>An outside participant reached through a scoped, expiring link sent to an e-mail address.</summary>
public sealed record ExternalParticipant
{
    /// <summary>Expression giving the address the link goes to, e.g. <c>customer.email</c>.</summary>
    public required string Email { get; init; }

    /// <summary>How long the link stays valid, as an ISO-8601 duration; defaults to seven days.</summary>
    public string? LinkValidFor { get; init; }
}
