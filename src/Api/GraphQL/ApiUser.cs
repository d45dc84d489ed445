using System.Collections.Immutable;
using LowCode.Engine.Tasks;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// Who a mutation is recorded as (createdBy, updatedBy, the event log's actor). There is no sign-in yet: the name is
/// taken on trust from the <c>X-LowCode-User</c> request header, and is <see cref="Anonymous"/> without one; the groups
/// from <c>X-LowCode-Groups</c>. The identity work (API keys, JWT) replaces both headers.
/// </summary>
internal static class ApiUser
{
    public const string HeaderName = "X-LowCode-User";

    /// <summary>The caller's groups (the business roles tasks go to), comma-separated; taken on trust like the user.</summary>
    public const string GroupsHeaderName = "X-LowCode-Groups";

    public const string Anonymous = "anonymous";

    private const string ItemKey = "lowcode.user";

    private const string GroupsItemKey = "lowcode.groups";

    /// <summary>For <c>GraphQLHttpOptions.ConfigureRequestContext</c>: puts the caller's name in the request's items.</summary>
    public static void Attach(HttpContext http, RequestContext context)
    {
        var header = http.Request.Headers[HeaderName].ToString().Trim();
        if (header.Length > 0)
        {
            context.Items[ItemKey] = header;
        }

        var groups = http.Request.Headers[GroupsHeaderName].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (groups.Length > 0)
        {
            context.Items[GroupsItemKey] = groups.ToImmutableArray();
        }
    }

    /// <summary>The caller as the process runtime sees it: the user id and its groups.</summary>
    public static Principal PrincipalOf(ResolveContext context) => new(
        Of(context),
        context.Items.TryGetValue(GroupsItemKey, out var groups) && groups is ImmutableArray<string> list ? list : []);

    /// <summary>The caller of a plain HTTP endpoint (file uploads and downloads), read from the same headers.</summary>
    public static Principal PrincipalOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.Request.Headers[HeaderName].ToString().Trim();
        var groups = http.Request.Headers[GroupsHeaderName].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new(user.Length > 0 ? user : Anonymous, [.. groups]);
    }

    public static string Of(ResolveContext context) =>
        context.Items.TryGetValue(ItemKey, out var user) && user is string { Length: > 0 } name ? name : Anonymous;
}
