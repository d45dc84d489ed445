using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types;

/// <summary>
/// Prints a schema as SDL, laid out as graphql-js <c>printSchema</c> lays it out (built-in scalars, built-in
/// directives and introspection types left out), so the two can be compared text for text.
/// </summary>
public static class SchemaPrinter
{
    private const string DefaultDeprecationReason = "No longer supported";

    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (SchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        parts.AddRange(schema.Directives.Where(d => !d.IsBuiltIn).Select(PrintDirective));
        parts.AddRange(schema.Types.Where(t => !t.IsBuiltIn).Select(PrintType));
        return string.Join("\n\n", parts);
    }

    private static string? SchemaDefinition(Schema schema)
    {
        if (schema.Description is null
            && schema.Query.Name == "Query"
            && (schema.Mutation is null || schema.Mutation.Name == "Mutation")
            && (schema.Subscription is null || schema.Subscription.Name == "Subscription"))
        {
            return null;
        }

        var operations = new List<string> { $"  query: {schema.Query.Name}" };
        if (schema.Mutation is not null)
        {
            operations.Add($"  mutation: {schema.Mutation.Name}");
        }

        if (schema.Subscription is not null)
        {
            operations.Add($"  subscription: {schema.Subscription.Name}");
        }

        return Description(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    public static string PrintType(NamedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var description = Description(type.Description);
        return type switch
        {
            ScalarType scalar => description + "scalar " + scalar.Name
                + (scalar.SpecifiedByUrl is null ? string.Empty : $" @specifiedBy(url: {Printer.PrintString(scalar.SpecifiedByUrl)})"),
            ObjectType o => description + "type " + o.Name + Interfaces(o) + Fields(o),
            InterfaceType i => description + "interface " + i.Name + Interfaces(i) + Fields(i),
            UnionType u => description + "union " + u.Name + (u.Types.Count > 0 ? " = " + string.Join(" | ", u.Types.Select(t => t.Name)) : string.Empty),
            EnumType e => description + "enum " + e.Name + Block(e.Values.Select((v, i) =>
                Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
            InputObjectType input => description + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty)
                + Block(input.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
            _ => throw new ArgumentException($"Cannot print {type.GetType().Name}.", nameof(type)),
        };
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description) + "directive @" + directive.Name + Arguments(directive.Arguments, string.Empty)
        + (directive.IsRepeatable ? " repeatable" : string.Empty) + " on " + string.Join(" | ", directive.Locations);

    private static string Interfaces(ComplexType type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string Fields(ComplexType type) => Block(type.Fields.Select((f, i) =>
        Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Arguments(IReadOnlyList<InputValue> arguments, string indentation)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        }

        return "(\n" + string.Join("\n", arguments.Select((a, i) =>
            Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValue value)
    {
        var text = value.Name + ": " + value.Type;
        if (value.HasDefaultValue && (ValuePrinter.Print(value.DefaultValue, value.Type) ?? Printer.Print(value.DefaultValueLiteral!)) is { } printed)
        {
            text += " = " + printed;
        }

        return text + Deprecated(value.DeprecationReason);
    }

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {Printer.PrintString(reason)})",
    };

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : " {\n" + string.Join("\n", list) + "\n}";
    }

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var literal = Printer.Print(new StringValueNode(description, BlockString.IsPrintable(description)));
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }
}
