using System.Globalization;
using System.Text;
using LowCode.Engine.Processes;
using LowCode.GraphQL.Execution;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The opaque cursors of the list connections: base64url of the list's name, its sort, and the item's position (sort
/// key in ticks, id). A cursor only means something to the list and sort it came from, so any other is refused with
/// BAD_USER_INPUT saying where it came from and what the request lists.
/// </summary>
internal static class ListCursor
{
    private const string Version = "k1";

    public static string Encode(string list, ListOrder order, ListPosition position)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(position);
        var key = position.Key is { } instant ? instant.Ticks.ToString(CultureInfo.InvariantCulture) : "-";
        var text = $"{Version}:{list}:{Describe(order)}:{key}:{position.Id}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The position a cursor holds, when it came from <paramref name="list"/> in <paramref name="order"/>.</summary>
    public static ListPosition Decode(string cursor, string list, ListOrder order)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(order);
        var parts = Text(cursor)?.Split(':', 5);
        if (parts is not [Version, var from, var sort, var key, { Length: > 0 } id] || !TryKey(key, out var instant))
        {
            throw new GraphQLException(
                $"{list}(after: \"{Shorten(cursor)}\") is not a cursor this API gave out: it does not decode to a list position. Pass an edge's cursor or pageInfo.endCursor exactly as it came, or leave `after` out to start from the first page.",
                ErrorCodes.BadUserInput);
        }

        var wanted = Describe(order);
        if (from != list || sort != wanted)
        {
            throw new GraphQLException(
                $"{list}(after: …) got a cursor of {from} sorted by {sort}, but this request lists {list} sorted by {wanted}; a cursor only continues the list and sort it came from. Pass a cursor from this list, or leave `after` out to start over.",
                ErrorCodes.BadUserInput);
        }

        return new ListPosition(instant, id);
    }

    private static string Describe(ListOrder order) => order.Field switch
    {
        ListSort.DueAt => "DUE_AT",
        ListSort.StartedAt => "STARTED_AT",
        _ => "CREATED_AT",
    } + (order.Descending ? " DESC" : " ASC");

    private static bool TryKey(string text, out DateTime? instant)
    {
        instant = null;
        if (text == "-")
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks)
        {
            instant = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    private static string? Text(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Shorten(string cursor) => cursor.Length > 60 ? cursor[..60] + "…" : cursor;
}
