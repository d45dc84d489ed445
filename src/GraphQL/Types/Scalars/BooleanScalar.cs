using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>Boolean: true or false (spec §3.5.4).</summary>
public sealed class BooleanScalar() : ScalarType("Boolean")
{
    private static readonly object True = true;
    private static readonly object False = false;

    public override object? Serialize(object value) => value switch
    {
        bool b => b ? True : False,
        _ when Numbers.TryGetDouble(value, out var number) && double.IsFinite(number) => number != 0 ? True : False,
        _ => throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Format(value)}"),
    };

    public override object? ParseValue(object value) =>
        value is bool b
            ? b ? True : False
            : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Format(value)}");

    public override object? ParseLiteral(ValueNode literal) =>
        literal is BooleanValueNode b
            ? b.Value ? True : False
            : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}");
}
