namespace LowCode.GraphQL.Types;

/// <summary>An enum type (spec §3.9).</summary>
public sealed class EnumType(string name) : NamedType(name)
{
    private readonly List<EnumValueDefinition> _values = [];
    private readonly Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private Dictionary<object, EnumValueDefinition>? _byValue;

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values => _values;

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The enum value whose CLR value equals <paramref name="value"/> (names also match, for string results).</summary>
    public EnumValueDefinition? FindByClrValue(object value)
    {
        _byValue ??= BuildValueIndex();
        if (_byValue.TryGetValue(value, out var definition))
        {
            return definition;
        }

        return value is string name ? GetValue(name) : value is Enum e ? GetValue(e.ToString()) : null;
    }

    internal bool AddValue(EnumValueDefinition value)
    {
        if (!_byName.TryAdd(value.Name, value))
        {
            return false;
        }

        _values.Add(value);
        _byValue = null;
        return true;
    }

    internal void Freeze() => _byValue = BuildValueIndex();

    private Dictionary<object, EnumValueDefinition> BuildValueIndex()
    {
        var index = new Dictionary<object, EnumValueDefinition>();
        foreach (var value in _values)
        {
            index.TryAdd(value.Value, value);
        }

        return index;
    }
}
