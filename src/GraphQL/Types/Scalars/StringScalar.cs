using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>String: UTF-8 text (spec §3.5.3).</summary>
public sealed class StringScalar() : ScalarType("String")
{
    public override object? Serialize(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        Guid g => g.ToString(),
        _ when Numbers.TryGetDouble(value, out var number) && double.IsFinite(number) => Inspect.FormatNumber(number),
        _ => throw new GraphQLException($"String cannot represent value: {Inspect.Format(value)}"),
    };

    public override object? ParseValue(object value) =>
        value as string ?? throw new GraphQLException($"String cannot represent a non string value: {Inspect.Format(value)}");

    public override object? ParseLiteral(ValueNode literal) =>
        literal is StringValueNode s
            ? s.Value
            : throw new GraphQLException($"String cannot represent a non string value: {Printer.Print(literal)}");
}
