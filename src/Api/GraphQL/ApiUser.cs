using LowCode.Api.Identity;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.AspNetCore;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The caller of a GraphQL operation, as authentication established it (an API key or a JWT; see
/// <see cref="GraphQLIdentity"/>). Request headers naming a user are not trusted.
/// </summary>
internal static class ApiUser
{
    public const string Anonymous = "anonymous";

    /// <summary>Where the principal is kept, in <see cref="RequestContext.Items"/> and in a WebSocket's HttpContext.Items.</summary>
    public const string ItemKey = "lowcode.principal";

    /// <summary>For <c>GraphQLHttpOptions.ConfigureRequestContext</c>: puts the authenticated caller in the request's items.</summary>
    public static void Attach(HttpContext http, RequestContext context)
    {
        var principal = http.Items.TryGetValue(ItemKey, out var fromSocket) && fromSocket is ApiPrincipal p ? p : ApiPrincipal.From(http.User);
        if (principal is not null)
        {
            context.Items[ItemKey] = principal;
        }
    }

    public static ApiPrincipal? Current(ResolveContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is ApiPrincipal principal ? principal : null;

    /// <summary>The caller as the process runtime sees it: the user id and its groups.</summary>
    public static Principal PrincipalOf(ResolveContext context) => Current(context)?.ToRuntime() ?? new Principal(Anonymous, []);

    /// <summary>
    /// The caller of a plain HTTP endpoint (file uploads and downloads), as authentication established it; anonymous
    /// without a key or token (a link holder proves itself with its link token instead).
    /// </summary>
    public static Principal PrincipalOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ApiPrincipal.From(http.User)?.ToRuntime() ?? new Principal(Anonymous, []);
    }

    /// <summary>The caller's id, as definitions and the event log record it.</summary>
    public static string Of(ResolveContext context) => Current(context)?.Id ?? Anonymous;

    internal static HttpContext? Http(ResolveContext context) =>
        context.Items.TryGetValue(GraphQLHttpOptions.HttpContextKey, out var http) ? http as HttpContext : null;
}
