using System.Globalization;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>Int: a signed 32-bit integer (spec §3.5.1).</summary>
public sealed class IntScalar() : ScalarType("Int")
{
    public override object? Serialize(object value)
    {
        if (value is int)
        {
            // Already an Int: return the same box instead of boxing a copy.
            return value;
        }

        var coerced = value;
        if (value is bool b)
        {
            return b ? 1 : 0;
        }

        if (value is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            coerced = parsed;
        }

        if (!Numbers.TryGetInteger(coerced, out var integer))
        {
            throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Format(coerced)}");
        }

        if (integer is > int.MaxValue or < int.MinValue)
        {
            throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Format(coerced)}");
        }

        return (int)integer;
    }

    public override object? ParseValue(object value)
    {
        if (value is bool || !Numbers.TryGetInteger(value, out var integer))
        {
            throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Format(value)}");
        }

        if (integer is > int.MaxValue or < int.MinValue)
        {
            throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Format(value)}");
        }

        return (int)integer;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        if (literal is not IntValueNode node)
        {
            throw new GraphQLException($"Int cannot represent non-integer value: {Printer.Print(literal)}");
        }

        if (!int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {node.Value}");
        }

        return result;
    }
}
