using System.Collections;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Utilities;

/// <summary>Prints a coerced input value back as a GraphQL literal of its type (graphql-js astFromValue + print).</summary>
public static class ValuePrinter
{
    /// <summary>The literal, or null when the value cannot be represented in <paramref name="type"/>.</summary>
    public static string? Print(object? value, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type is NonNullType nonNull)
        {
            return value is null ? null : Print(value, nonNull.OfType);
        }

        if (value is null)
        {
            return "null";
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string && value is not IDictionary && value is not IReadOnlyDictionary<string, object?>)
                {
                    var printed = new List<string>();
                    foreach (var item in items)
                    {
                        var p = Print(item, list.OfType);
                        if (p is not null)
                        {
                            printed.Add(p);
                        }
                    }

                    return "[" + string.Join(", ", printed) + "]";
                }

                return Print(value, list.OfType);
            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    return null;
                }

                var fields = new List<string>();
                foreach (var field in input.Fields)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue) && Print(fieldValue, field.Type) is { } p)
                    {
                        fields.Add(field.Name + ": " + p);
                    }
                }

                return "{" + string.Join(", ", fields) + "}";
            case EnumType enumType:
                return enumType.FindByClrValue(value)?.Name;
            case ScalarType scalar:
                var serialized = scalar.Serialize(value);
                return serialized switch
                {
                    null => null,
                    bool b => b ? "true" : "false",
                    string s when scalar.Name == "ID" && long.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) => s,
                    string s => Printer.PrintString(s),
                    _ when Numbers.TryGetDouble(serialized, out var number) => Inspect.FormatNumber(number),
                    _ => null,
                };
            default:
                return null;
        }
    }
}
