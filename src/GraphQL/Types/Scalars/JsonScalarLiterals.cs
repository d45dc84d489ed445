using System.Globalization;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>Turns a literal into the plain CLR value JSON would give (graphql-js valueFromASTUntyped).</summary>
internal static class JsonScalarLiterals
{
    public static object? Parse(ValueNode literal) => literal switch
    {
        NullValueNode => null,
        BooleanValueNode b => b.Value,
        StringValueNode s => s.Value,
        EnumValueNode e => e.Value,
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small)
            ? small
            : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        ListValueNode list => list.Values.Select(Parse).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => Parse(f.Value), StringComparer.Ordinal),
        _ => throw new Execution.GraphQLException($"Cannot use {Language.Printer.Print(literal)} as a constant value."),
    };
}
