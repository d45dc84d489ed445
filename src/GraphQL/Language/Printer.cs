using System.Globalization;
using System.Text;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

/// <summary>
/// Prints an AST back to normalized GraphQL text, byte for byte the layout graphql-js 16 <c>print</c> produces
/// (two-space indentation, one definition per paragraph), so printed documents compare across implementations.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
            NameNode n => n.Value,
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Wrap(string.Empty, n.Description is null ? null : Print(n.Description), "\n")
                + Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", n.DefaultValue is null ? null : Print(n.DefaultValue))
                + Wrap(" ", Directives(n.Directives)),
            SelectionSetNode n => Block(n.Selections.Select(Print)),
            FieldNode n => PrintField(n),
            ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Directives(n.Directives)),
            InlineFragmentNode n => Join(
                ["...", Wrap("on ", n.TypeCondition?.Name.Value), Directives(n.Directives), Print(n.SelectionSet)], " "),
            FragmentDefinitionNode n => Wrap(string.Empty, n.Description is null ? null : Print(n.Description), "\n")
                + "fragment " + n.Name.Value + " on " + n.TypeCondition.Name.Value + " "
                + Wrap(string.Empty, Directives(n.Directives), " ") + Print(n.SelectionSet),
            VariableNode n => "$" + n.Name.Value,
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => "[" + Join(n.Values.Select(Print), ", ") + "]",
            ObjectValueNode n => "{" + Join(n.Fields.Select(Print), ", ") + "}",
            ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
            DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments.Select(Print), ", "), ")"),
            NamedTypeNode n => n.Name.Value,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    /// <summary>A string literal with JSON-style escapes, as graphql-js prints it.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string PrintOperation(OperationDefinitionNode n)
    {
        var variables = Wrap("(", Join(n.VariableDefinitions.Select(Print), ", "), ")");
        var prefix = Join([OperationName(n.Operation), Join([n.Name?.Value, variables]), Directives(n.Directives)], " ");
        var description = Wrap(string.Empty, n.Description is null ? null : Print(n.Description), "\n");
        return description + (prefix == "query" ? string.Empty : prefix + " ") + Print(n.SelectionSet);
    }

    private static string PrintField(FieldNode n)
    {
        var prefix = Wrap(string.Empty, n.Alias?.Value, ": ") + n.Name.Value;
        var arguments = n.Arguments.Select(Print).ToList();
        var line = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (line.Length > MaxLineLength)
        {
            line = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }

        return Join([line, Directives(n.Directives), n.SelectionSet is null ? null : Print(n.SelectionSet)], " ");
    }

    private static string PrintTypeSystem(SyntaxNode node) => node switch
    {
        SchemaDefinitionNode n => Description(n.Description)
            + Join(["schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        SchemaExtensionNode n => Join(["extend schema", Directives(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + n.Type.Name.Value,
        ScalarTypeDefinitionNode n => Description(n.Description)
            + Join([Extend(n) + "scalar", n.Name.Value, Directives(n.Directives)], " "),
        ObjectTypeDefinitionNode n => Description(n.Description) + Join(
            [Extend(n) + "type", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")),
                Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        InterfaceTypeDefinitionNode n => Description(n.Description) + Join(
            [Extend(n) + "interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")),
                Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode n => Description(n.Description) + Join(
            [Extend(n) + "union", n.Name.Value, Directives(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
        EnumTypeDefinitionNode n => Description(n.Description)
            + Join([Extend(n) + "enum", n.Name.Value, Directives(n.Directives), Block(n.Values.Select(Print))], " "),
        EnumValueDefinitionNode n => Description(n.Description) + Join([n.Name.Value, Directives(n.Directives)], " "),
        InputObjectTypeDefinitionNode n => Description(n.Description)
            + Join([Extend(n) + "input", n.Name.Value, Directives(n.Directives), Block(n.Fields.Select(Print))], " "),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + Arguments(n.Arguments) + ": " + Print(n.Type)
            + Wrap(" ", Directives(n.Directives)),
        InputValueDefinitionNode n => Description(n.Description) + Join(
            [n.Name.Value + ": " + Print(n.Type), Wrap("= ", n.DefaultValue is null ? null : Print(n.DefaultValue)),
                Directives(n.Directives)], " "),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value + Arguments(n.Arguments)
            + (n.Repeatable ? " repeatable" : string.Empty) + " on " + Join(n.Locations.Select(Print), " | "),
        _ => throw new ArgumentException($"Cannot print a {node.GetType().Name}.", nameof(node)),
    };

    private static string Extend(TypeDefinitionNode node) => node.IsExtension ? "extend " : string.Empty;

    private static string Description(StringValueNode? description) =>
        description is null ? string.Empty : Print(description) + "\n";

    private static string Arguments(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    internal static string OperationName(OperationKind kind) => kind switch
    {
        OperationKind.Mutation => "mutation",
        OperationKind.Subscription => "subscription",
        _ => "query",
    };

    private static string Directives(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string Block(IEnumerable<string> items)
    {
        var text = Join(items, "\n");
        return text.Length == 0 ? string.Empty : "{\n" + Indent(text) + "\n}";
    }

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));

    private static string Wrap(string start, string? text, string end = "") =>
        string.IsNullOrEmpty(text) ? string.Empty : start + text + end;

    private static string Join(IEnumerable<string?> items, string separator = "") =>
        string.Join(separator, items.Where(item => !string.IsNullOrEmpty(item)));
}
