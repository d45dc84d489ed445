using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// Who a mutation is recorded as (createdBy, updatedBy, the event log's actor). There is no sign-in yet: the name is
/// taken on trust from the <c>X-LowCode-User</c> request header, and is <see cref="Anonymous"/> without one.
/// </summary>
internal static class ApiUser
{
    public const string HeaderName = "X-LowCode-User";

    public const string Anonymous = "anonymous";

    private const string ItemKey = "lowcode.user";

    /// <summary>For <c>GraphQLHttpOptions.ConfigureRequestContext</c>: puts the caller's name in the request's items.</summary>
    public static void Attach(HttpContext http, RequestContext context)
    {
        var header = http.Request.Headers[HeaderName].ToString().Trim();
        if (header.Length > 0)
        {
            context.Items[ItemKey] = header;
        }
    }

    public static string Of(ResolveContext context) =>
        context.Items.TryGetValue(ItemKey, out var user) && user is string { Length: > 0 } name ? name : Anonymous;
}
