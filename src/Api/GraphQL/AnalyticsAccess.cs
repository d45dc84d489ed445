using LowCode.Api.Identity;

namespace LowCode.Api.GraphQL;

/// <summary>
/// Who may read analytics and export the event log: the <c>analyst</c> permission (and <c>admin</c>, which holds every
/// permission). The GraphQL fields also carry <c>@allow</c>; the export endpoint is plain HTTP, so it asks here.
/// </summary>
internal static class AnalyticsAccess
{
    public const string Denied = "Analytics need the analyst or admin permission; ask an admin for a key that carries one.";

    public static bool Allows(ApiPrincipal? principal) => principal is not null && principal.Has(Permissions.Analyst);
}
