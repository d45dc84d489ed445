using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>ID: a unique identifier, serialized as a string (spec §3.5.5).</summary>
public sealed class IdScalar() : ScalarType("ID")
{
    public override object? Serialize(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString(),
        _ when value is not bool && Numbers.TryGetInteger(value, out var integer) => integer.ToString(CultureInfo.InvariantCulture),
        _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Format(value)}"),
    };

    public override object? ParseValue(object value) => value switch
    {
        string s => s,
        _ when value is not bool && value is not double && Numbers.TryGetInteger(value, out var integer) =>
            integer.ToString(CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9007199254740992 => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Format(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw new GraphQLException($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}"),
    };
}
