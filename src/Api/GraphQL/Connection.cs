using System.Globalization;
using System.Text;
using LowCode.Api.Identity;
using LowCode.Engine.Processes;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// A Relay cursor connection over one page of a list (the TaskConnection and InstanceConnection types). A cursor is
/// the opaque position of an item in the sorted, filtered list.
/// </summary>
internal sealed record Connection<T>(IReadOnlyList<Connection<T>.Edge> Edges, PageInfo PageInfo, int TotalCount)
{
    public const int MaxPageSize = 100;

    public IReadOnlyList<T> Nodes => [.. Edges.Select(e => e.Node)];

    public static Connection<T> From(ListPage<T> page)
    {
        var edges = page.Items.Select((item, index) => new Edge(Cursor(page.Offset + index), item)).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(page.Offset + edges.Count < page.TotalCount, page.Offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            page.TotalCount);
    }

    /// <summary>The page asked for: the offset after the <c>after</c> cursor, and <c>first</c> items (1 to <see cref="MaxPageSize"/>).</summary>
    public static (int Offset, int Limit) Page(ResolveContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 20;
        if (first is < 1 or > MaxPageSize)
        {
            throw new GraphQLException(
                $"{context.Field.Name}(first: {first}) asks for a page of {first}; a page holds 1 to {MaxPageSize} items. Page on with `after: pageInfo.endCursor`.",
                ErrorCodes.BadUserInput);
        }

        var after = context.GetArgument<string>("after");
        return (after is null ? 0 : OffsetAfter(after, context.Field.Name), first);
    }

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"o:{offset}")));

    private static int OffsetAfter(string cursor, string field)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset + 1;
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"{field}(after: \"{cursor}\") is not a cursor this list gave out; pass an edge's cursor or pageInfo.endCursor as it came.", ErrorCodes.BadUserInput);
    }

    /// <summary>One item with its cursor.</summary>
    internal sealed record Edge(string Cursor, T Node);
}

/// <summary>The PageInfo type.</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>Who may see what within the runtime's lists: analysts and admins everything, a user its own and its groups'.</summary>
internal static class RuntimeVisibility
{
    public static LowCode.Engine.Tasks.Principal? Restriction(ResolveContext context) =>
        ApiUser.Current(context) is { } principal && !principal.Has(Permissions.Analyst) ? principal.ToRuntime() : null;
}
