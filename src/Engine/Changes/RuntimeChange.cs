using System.Collections.Immutable;

namespace LowCode.Engine.Changes;

/// <summary>
/// One committed change to running work, as subscriptions see it: a task offered or assigned (<see cref="RuntimeChangeKind.TaskAssigned"/>),
/// an instance whose event log grew (<see cref="RuntimeChangeKind.InstanceChanged"/>), or a notification created
/// (<see cref="RuntimeChangeKind.NotificationReceived"/>), or an API key revoked (<see cref="RuntimeChangeKind.ApiKeyRevoked"/>, so
/// every node forgets it at once). Only identities travel; a subscriber reads the current state.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Id">The task, instance, notification or API key id.</param>
/// <param name="InstanceId">The instance it belongs to.</param>
/// <param name="User">The task's assignee, or the notification's recipient user.</param>
/// <param name="Role">The group the task is offered to, or the notification's recipient role.</param>
/// <param name="Events">For an instance: the types of the events the commit appended, in order.</param>
/// <param name="At">When the change was committed (UTC).</param>
public sealed record RuntimeChange(
    RuntimeChangeKind Kind,
    string Id,
    string? InstanceId,
    string? User,
    string? Role,
    ImmutableArray<string> Events,
    DateTime At);

/// <summary>The kinds of runtime change a subscription follows.</summary>
public enum RuntimeChangeKind
{
    TaskAssigned,
    InstanceChanged,
    NotificationReceived,
    ApiKeyRevoked,
}
