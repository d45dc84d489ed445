using System.Collections.Immutable;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Who is acting: an id (an e-mail address) and the groups it belongs to. A task's <c>role</c> assignee names a
/// group; its <c>user</c> assignee names an id. A principal made from an external participant's link carries
/// <see cref="Link"/> and may work on that one task only.
/// </summary>
public sealed record Principal(string Id, ImmutableArray<string> Groups)
{
    public static Principal System { get; } = new("system", []);

    /// <summary>Set when the principal is the holder of an external link: the one task it opens.</summary>
    public LinkGrant? Link { get; init; }

    public bool InGroup(string? group) => group is not null && !Groups.IsDefault && Groups.Contains(group, StringComparer.Ordinal);

    /// <summary>The holder of a valid link to <paramref name="taskId"/>, known by the address the link was sent to.</summary>
    public static Principal ForLink(string email, string taskId, string tokenHash) => new(email, []) { Link = new LinkGrant(taskId, tokenHash) };
}

/// <summary>What a link token grants: one task, for as long as the task still carries the token's hash.</summary>
public sealed record LinkGrant(string TaskId, string TokenHash);
