using System.Collections.Concurrent;
using System.Text.Json;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Spec ResolveAbstractType (§6.4.3): the bound type resolver, else a <c>__typename</c> entry of a map, else
/// IsTypeOf of the possible types, else the possible type named like the value's CLR type.
/// </summary>
internal static class AbstractTypes
{
    private static readonly ConcurrentDictionary<(NamedType, Type), ObjectType?> ByClrType = new();

    public static ObjectType Resolve(Schema schema, NamedType abstractType, object value, ResolveContext context)
    {
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        var name = resolver is not null ? resolver(value, context) : Default(schema, abstractType, value);
        if (name is null)
        {
            throw new GraphQLException(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{context.ParentType.Name}.{context.Field.Name}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        var runtimeType = schema.GetType(name);
        if (runtimeType is null)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.");
        }

        if (runtimeType is not ObjectType objectType)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{name}\".");
        }

        if (!schema.IsPossibleType(abstractType, objectType))
        {
            throw new GraphQLException($"Runtime Object type \"{name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return objectType;
    }

    private static string? Default(Schema schema, NamedType abstractType, object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map when map.TryGetValue("__typename", out var typeName) && typeName is string s:
                return s;
            case IDictionary<string, object?> dictionary when dictionary.TryGetValue("__typename", out var typeName) && typeName is string s:
                return s;
            case JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty("__typename", out var property):
                return property.GetString();
            default:
                break;
        }

        var possible = schema.GetPossibleTypes(abstractType);
        foreach (var type in possible)
        {
            if (type.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return type.Name;
            }
        }

        return ByClrType.GetOrAdd((abstractType, value.GetType()), key =>
        {
            var clrName = key.Item2.Name;
            return possible.FirstOrDefault(t => t.Name == clrName)
                ?? possible.FirstOrDefault(t => string.Equals(t.Name, clrName, StringComparison.OrdinalIgnoreCase));
        })?.Name;
    }
}
