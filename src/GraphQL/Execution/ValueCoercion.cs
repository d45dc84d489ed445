using System.Collections;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Execution;

/// <summary>Input coercion of spec §3.5–§3.10 for literals and variables, and argument coercion of spec §6.4.1.</summary>
public static class ValueCoercion
{
    /// <summary>Stands for "no value" (JavaScript's undefined): absent, or invalid for the type.</summary>
    public static readonly object Undefined = new UndefinedValue();

    /// <summary>
    /// A literal's value for <paramref name="type"/> (graphql-js valueFromAST), or <see cref="Undefined"/> when the
    /// literal is not valid for the type. Variables are read from <paramref name="variables"/>.
    /// </summary>
    public static object? ValueFromAst(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (node is null)
        {
            return Undefined;
        }

        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var value))
            {
                return Undefined;
            }

            return value is null && type is NonNullType ? Undefined : value;
        }

        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Undefined : ValueFromAst(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        if (IsMissingVariable(item, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return Undefined;
                            }

                            result.Add(null);
                            continue;
                        }

                        var itemValue = ValueFromAst(item, list.OfType, variables);
                        if (ReferenceEquals(itemValue, Undefined))
                        {
                            return Undefined;
                        }

                        result.Add(itemValue);
                    }

                    return result;
                }

                var single = ValueFromAst(node, list.OfType, variables);
                return ReferenceEquals(single, Undefined) ? Undefined : new List<object?> { single };
            case InputObjectType input:
                if (node is not ObjectValueNode obj)
                {
                    return Undefined;
                }

                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    var fieldNode = FindField(obj, field.Name);
                    if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue)
                        {
                            map[field.Name] = field.DefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            return Undefined;
                        }

                        continue;
                    }

                    var fieldValue = ValueFromAst(fieldNode.Value, field.Type, variables);
                    if (ReferenceEquals(fieldValue, Undefined))
                    {
                        return Undefined;
                    }

                    map[field.Name] = fieldValue;
                }

                if (input.IsOneOf && (map.Count != 1 || map.Values.First() is null))
                {
                    return Undefined;
                }

                return map;
            case EnumType enumType:
                return node is EnumValueNode e && enumType.GetValue(e.Value) is { } enumValue ? enumValue.Value : Undefined;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteral(node);
                }
                catch (GraphQLException)
                {
                    return Undefined;
                }
                catch (FormatException)
                {
                    return Undefined;
                }
                catch (OverflowException)
                {
                    return Undefined;
                }

            default:
                return Undefined;
        }
    }

    /// <summary>
    /// Coerces a variable value (plain CLR value from JSON) to <paramref name="type"/> (graphql-js coerceInputValue),
    /// reporting each problem with the path inside the value.
    /// </summary>
    public static object? CoerceInputValue(object? value, GraphQLType type, Action<IReadOnlyList<object>, object?, string> onError) =>
        CoerceInputValue(value, type, onError, []);

    private static object? CoerceInputValue(object? value, GraphQLType type, Action<IReadOnlyList<object>, object?, string> onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (value is not null)
            {
                return CoerceInputValue(value, nonNull.OfType, onError, path);
            }

            onError(path.ToArray(), value, $"Expected non-nullable type \"{type}\" not to be null.");
            return Undefined;
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items && value is not string && !IsMap(value))
                {
                    var result = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        path.Add(index++);
                        result.Add(CoerceInputValue(item, list.OfType, onError, path));
                        path.RemoveAt(path.Count - 1);
                    }

                    return result;
                }

                return new List<object?> { CoerceInputValue(value, list.OfType, onError, path) };
            case InputObjectType input:
                if (AsMap(value) is not { } map)
                {
                    onError(path.ToArray(), value, $"Expected type \"{input.Name}\" to be an object.");
                    return Undefined;
                }

                var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.HasDefaultValue)
                        {
                            coerced[field.Name] = field.DefaultValue;
                        }
                        else if (field.Type is NonNullType)
                        {
                            onError(path.ToArray(), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                        }

                        continue;
                    }

                    path.Add(field.Name);
                    coerced[field.Name] = CoerceInputValue(fieldValue, field.Type, onError, path);
                    path.RemoveAt(path.Count - 1);
                }

                foreach (var key in map.Keys)
                {
                    if (input.GetField(key) is null)
                    {
                        var suggestions = Suggestions.List(key, input.Fields.Select(f => f.Name));
                        onError(path.ToArray(), value, $"Field \"{key}\" is not defined by type \"{input.Name}\".{Suggestions.DidYouMean(suggestions)}");
                    }
                }

                if (input.IsOneOf)
                {
                    if (coerced.Count != 1)
                    {
                        onError(path.ToArray(), value, $"Exactly one key must be specified for OneOf type \"{input.Name}\".");
                    }

                    if (coerced.Count > 0 && coerced.First() is { Value: null } only)
                    {
                        path.Add(only.Key);
                        onError(path.ToArray(), null, $"Field \"{only.Key}\" must be non-null.");
                        path.RemoveAt(path.Count - 1);
                    }
                }

                return coerced;
            case EnumType enumType:
                if (value is not string name)
                {
                    onError(path.ToArray(), value, $"Enum \"{enumType.Name}\" cannot represent non-string value: {Inspect.Format(value)}.{EnumSuggestions(enumType, Inspect.Format(value))}");
                    return Undefined;
                }

                if (enumType.GetValue(name) is { } enumValue)
                {
                    return enumValue.Value;
                }

                onError(path.ToArray(), value, $"Value \"{name}\" does not exist in \"{enumType.Name}\" enum.{EnumSuggestions(enumType, name)}");
                return Undefined;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseValue(value);
                }
                catch (GraphQLException exception)
                {
                    onError(path.ToArray(), value, exception.Message);
                    return Undefined;
                }

            default:
                return Undefined;
        }
    }

    internal static string EnumSuggestions(EnumType type, string input) =>
        Suggestions.DidYouMean(Suggestions.List(input, type.Values.Select(v => v.Name)), "the enum value");

    internal static bool IsMap(object value) => value is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary;

    internal static IReadOnlyDictionary<string, object?>? AsMap(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary<string, object?> dictionary => new Dictionary<string, object?>(dictionary, StringComparer.Ordinal),
        IDictionary legacy => legacy.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => legacy[k], StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>Spec CoerceVariableValues (§6.1.2): the operation's variables, or the errors that stop execution.</summary>
    internal static IReadOnlyDictionary<string, object?> CoerceVariableValues(
        OperationDefinitionNode operation,
        Schema schema,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors,
        int maxErrors = 50)
    {
        if (operation.VariableDefinitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            if (errors.Count >= maxErrors)
            {
                // graphql-js stops at the same limit with the same words.
                errors.Add(new GraphQLError(
                    "Too many errors processing variables, error limit reached. Execution aborted.",
                    Extensions: ErrorCodes.Extensions(ErrorCodes.BadUserInput)));
                break;
            }

            var name = definition.Variable.Name.Value;
            var type = TypeFromAst(schema, definition.Type);
            var locations = new[] { new SourceLocation(definition.Location.Line, definition.Location.Column) };
            if (type is null || !type.IsInputType)
            {
                errors.Add(Error($"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.", locations));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    coerced[name] = ValueFromAst(definition.DefaultValue, type, null);
                }
                else if (type is NonNullType)
                {
                    errors.Add(Error($"Variable \"${name}\" of required type \"{type}\" was not provided.", locations));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(Error($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", locations));
                continue;
            }

            coerced[name] = CoerceInputValue(value, type, (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {Inspect.Format(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{string.Concat(path.Select(p => p is int i ? $"[{i}]" : $".{p}"))}\"";
                }

                errors.Add(Error(prefix + "; " + message, locations));
            });
        }

        return coerced;
    }

    /// <summary>Spec CoerceArgumentValues (§6.4.1); throws <see cref="GraphQLException"/> for the first bad argument.</summary>
    internal static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<InputValue> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?> variables,
        SyntaxNode node)
    {
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            ArgumentNode? argument = null;
            foreach (var candidate in arguments)
            {
                if (candidate.Name.Value == definition.Name)
                {
                    argument = candidate;
                    break;
                }
            }

            if (argument is null)
            {
                if (definition.HasDefaultValue)
                {
                    coerced[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type is NonNullType)
                {
                    throw Located($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.", node);
                }

                continue;
            }

            var valueNode = argument.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                if (!variables.TryGetValue(variable.Name.Value, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        coerced[definition.Name] = definition.DefaultValue;
                    }
                    else if (definition.Type is NonNullType)
                    {
                        throw Located(
                            $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.",
                            valueNode);
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is NonNullType)
            {
                throw Located($"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null.", valueNode);
            }

            var value = ValueFromAst(valueNode, definition.Type, variables);
            if (ReferenceEquals(value, Undefined))
            {
                throw Located($"Argument \"{definition.Name}\" has invalid value {Printer.Print(valueNode)}.", valueNode);
            }

            coerced[definition.Name] = value;
        }

        return coerced;
    }

    /// <summary>The schema type a type reference names, or null when a named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return node switch
        {
            NonNullTypeNode n => TypeFromAst(schema, n.Type) is { } inner ? new NonNullType(inner) : null,
            ListTypeNode l => TypeFromAst(schema, l.Type) is { } item ? new ListType(item) : null,
            NamedTypeNode named => schema.GetType(named.Name.Value),
            _ => null,
        };
    }

    internal static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>(0);

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));

    private static ObjectFieldNode? FindField(ObjectValueNode node, string name)
    {
        foreach (var field in node.Fields)
        {
            if (field.Name.Value == name)
            {
                return field;
            }
        }

        return null;
    }

    private static GraphQLError Error(string message, SourceLocation[] locations) =>
        new(message, locations, Extensions: ErrorCodes.Extensions(ErrorCodes.BadUserInput));

    private static GraphQLException Located(string message, SyntaxNode node) =>
        new(new GraphQLError(message, [new SourceLocation(node.Location.Line, node.Location.Column)], Extensions: ErrorCodes.Extensions(ErrorCodes.BadUserInput)));

    private sealed class UndefinedValue
    {
        public override string ToString() => "undefined";
    }
}
