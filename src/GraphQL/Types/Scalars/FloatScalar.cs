using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>Float: a double-precision number (spec §3.5.2).</summary>
public sealed class FloatScalar() : ScalarType("Float")
{
    public override object? Serialize(object value)
    {
        if (value is double d && double.IsFinite(d))
        {
            return value;
        }

        var coerced = value;
        if (value is bool b)
        {
            return b ? 1d : 0d;
        }

        if (value is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            coerced = parsed;
        }

        if (!Numbers.TryGetDouble(coerced, out var number) || !double.IsFinite(number))
        {
            throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Format(coerced)}");
        }

        return number;
    }

    public override object? ParseValue(object value)
    {
        if (value is bool || !Numbers.TryGetDouble(value, out var number) || !double.IsFinite(number))
        {
            throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Format(value)}");
        }

        return number;
    }

    public override object? ParseLiteral(ValueNode literal) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw new GraphQLException($"Float cannot represent non numeric value: {Printer.Print(literal)}"),
    };
}
