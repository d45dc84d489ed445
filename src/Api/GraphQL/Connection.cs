using LowCode.Api.Identity;
using LowCode.Engine.Processes;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// A Relay cursor connection over one page of a list (the TaskConnection and InstanceConnection types). A cursor is
/// the opaque position of an item in its list and sort (<see cref="ListCursor"/>); the next page starts after it.
/// </summary>
internal sealed record Connection<T>(IReadOnlyList<Connection<T>.Edge> Edges, PageInfo PageInfo, int TotalCount)
{
    public const int MaxPageSize = 100;

    public IReadOnlyList<T> Nodes => [.. Edges.Select(e => e.Node)];

    public static Connection<T> From(ListPage<T> page, ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(request);
        var edges = page.Items.Select((item, index) => new Edge(ListCursor.Encode(request.List, request.Order, page.Positions[index]), item)).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(page.HasNextPage, request.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            page.TotalCount);
    }

    /// <summary>One item with its cursor.</summary>
    internal sealed record Edge(string Cursor, T Node);
}

/// <summary>
/// The page a list field asks for: <c>first</c> items (1 to <see cref="Connection{T}.MaxPageSize"/>) after the
/// position in its <c>after</c> cursor, in <paramref name="Order"/>.
/// </summary>
internal sealed record ListRequest(string List, ListOrder Order, ListPosition? After, int Limit)
{
    public static ListRequest Of(ResolveContext context, ListOrder order)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = context.Field.Name;
        var first = context.GetArgument<int?>("first") ?? 20;
        if (first is < 1 or > Connection<object>.MaxPageSize)
        {
            throw new GraphQLException(
                $"{list}(first: {first}) asks for a page of {first}; a page holds 1 to {Connection<object>.MaxPageSize} items. Page on with `after: pageInfo.endCursor`.",
                ErrorCodes.BadUserInput);
        }

        var after = context.GetArgument<string>("after");
        return new ListRequest(list, order, after is null ? null : ListCursor.Decode(after, list, order), first);
    }
}

/// <summary>The PageInfo type.</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>Who may see what within the runtime's lists: analysts and admins everything, a user its own and its groups'.</summary>
internal static class RuntimeVisibility
{
    public static LowCode.Engine.Tasks.Principal? Restriction(ResolveContext context) =>
        ApiUser.Current(context) is { } principal && !principal.Has(Permissions.Analyst) ? principal.ToRuntime() : null;
}
