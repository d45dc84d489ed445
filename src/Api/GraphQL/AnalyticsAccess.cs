using LowCode.Engine.Tasks;

namespace LowCode.Api.GraphQL;

/// <summary>
/// Who may read analytics and export the event log: the <c>analyst</c> and <c>admin</c> permissions. Until the identity
/// work lands, a principal's permissions are read from its groups (the trusted <c>X-LowCode-Groups</c> header); after it,
/// this one function asks the principal's permissions instead.
/// </summary>
internal static class AnalyticsAccess
{
    public const string Denied = "Analytics need the analyst or admin permission; ask an admin to grant it.";

    public static bool Allows(Principal principal) => principal.InGroup("analyst") || principal.InGroup("admin");
}
