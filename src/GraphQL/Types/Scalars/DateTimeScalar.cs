using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>
/// DateTime: an RFC 3339 date-time string with offset (https://scalars.graphql.org/andimarek/date-time).
/// Not built in: a host adds it with <c>SchemaBuilder.AddScalar(new DateTimeScalar())</c> and <c>scalar DateTime</c>.
/// Resolvers see <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class DateTimeScalar : ScalarType
{
    public DateTimeScalar()
        : base("DateTime")
    {
        SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time";
        Description = "An RFC 3339 date-time with offset, for example 2024-05-01T12:30:00Z.";
    }

    public override object? Serialize(object value) => value switch
    {
        DateTimeOffset o => Format(o),
        DateTime d => Format(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d)),
        string s when TryParse(s, out var parsed) => Format(parsed),
        _ => throw new GraphQLException($"DateTime cannot represent value: {Inspect.Format(value)}"),
    };

    public override object? ParseValue(object value) =>
        value is string s && TryParse(s, out var parsed)
            ? parsed
            : throw new GraphQLException(
                $"DateTime cannot represent value: {Inspect.Format(value)}; expected an RFC 3339 string such as \"2024-05-01T12:30:00Z\".");

    public override object? ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s && TryParse(s.Value, out var parsed)
            ? parsed
            : throw new GraphQLException(
                $"DateTime cannot represent value: {Printer.Print(literal)}; expected an RFC 3339 string such as \"2024-05-01T12:30:00Z\".");

    private static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out DateTimeOffset value) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            ? true
            : Fail(out value);

    private static bool Fail(out DateTimeOffset value)
    {
        value = default;
        return false;
    }
}
