using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Resolves a field without a bound resolver: a map entry named like the field, else a public property or field of
/// the parent (exact name, then case-insensitive, so <c>firstName</c> reads <c>FirstName</c>). Property reads go
/// through delegates compiled once per CLR type and field, never reflection per call.
/// </summary>
internal static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case ResultDictionary:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(fieldName, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var entry) ? entry : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(fieldName, out var property) ? JsonValues.ToClr(property) : null;
            default:
                var getter = Getters.GetOrAdd((source.GetType(), fieldName), static key => Compile(key.Item1, key.Item2));
                return getter?.Invoke(source);
        }
    }

    private static Func<object, object?>? Compile(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        MemberInfo? member = (MemberInfo?)type.GetProperty(name, flags) ?? type.GetField(name, flags);
        member ??= (MemberInfo?)type.GetProperty(name, flags | BindingFlags.IgnoreCase) ?? type.GetField(name, flags | BindingFlags.IgnoreCase);
        if (member is PropertyInfo { CanRead: false } || (member is PropertyInfo p && p.GetIndexParameters().Length > 0))
        {
            return null;
        }

        if (member is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(parameter, type);
        var access = Expression.MakeMemberAccess(typed, member);
        var body = Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }
}
