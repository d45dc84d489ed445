namespace LowCode.Engine.Metadata;

/// <summary>
/// Who works on a step: a role, a named user, an expression that yields a user, or an external participant
/// (someone without an account who gets a scoped link).
/// </summary>
public sealed record AssigneeDefinition
{
    public string? Role { get; init; }

    public string? User { get; init; }

    /// <summary>Evaluates to a user name, e.g. <c>data.requester.manager</c>.</summary>
    public string? Expression { get; init; }

    public ExternalParticipant? External { get; init; }
}
