using System.Collections.Immutable;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Who is acting: an id (an e-mail address) and the groups it belongs to. A task's <c>role</c> assignee names a
/// group; its <c>user</c> assignee names an id.
/// </summary>
public sealed record Principal(string Id, ImmutableArray<string> Groups)
{
    public static Principal System { get; } = new("system", []);

    public bool InGroup(string? group) => group is not null && !Groups.IsDefault && Groups.Contains(group, StringComparer.Ordinal);
}
