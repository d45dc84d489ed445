using System.Collections.Immutable;
using LowCode.Api.GraphQL;
using LowCode.Api.Identity;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.Tests;

/// <summary>
/// Who a test is: a principal id, its groups and its permissions. <see cref="GraphQL.GraphQLClient"/> signs requests
/// as the caller with a real API key the Api under test issued for it.
/// </summary>
public sealed record Caller(string Id, ImmutableArray<string> Groups, string Permissions)
{
    /// <summary>No key at all.</summary>
    public static Caller Anonymous { get; } = new(string.Empty, [], string.Empty);

    /// <summary>Who a test is when it does not say: an admin, who may run everything.</summary>
    public static Caller Default { get; } = Admin("admin@example.com");

    public bool IsAnonymous => Id.Length == 0;

    public static Caller User(string id, params string[] groups) => new(id, [.. groups], "user");

    public static Caller Designer(string id) => new(id, [], "designer");

    public static Caller Analyst(string id) => new(id, [], "analyst");

    public static Caller Admin(string id) => new(id, [], "admin");

    public static Caller With(string permissions, string id = "someone@example.com", params string[] groups) => new(id, [.. groups], permissions);

    /// <summary>A request context for running the executor in process as this caller (subscriptions in tests).</summary>
    public RequestContext Context(IServiceProvider services)
    {
        var context = new RequestContext { Services = services };
        if (!IsAnonymous)
        {
            context.Items[ApiUser.ItemKey] = ToPrincipal();
        }

        return context;
    }

    internal ApiPrincipal ToPrincipal() => new(Id, Groups, PermissionNames.Parse([Permissions]).Permissions);

    /// <summary>The key (in a dictionary of issued keys) that identifies this caller: same id, groups and permissions.</summary>
    public string CacheKey => $"{Id}|{string.Join(',', Groups)}|{Permissions}";
}
