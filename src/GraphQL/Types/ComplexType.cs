namespace LowCode.GraphQL.Types;

/// <summary>An object or interface type: a type with fields that may implement interfaces.</summary>
public abstract class ComplexType(string name) : NamedType(name)
{
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _fields = [];
    private readonly List<InterfaceType> _interfaces = [];

    /// <summary>Fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal bool AddField(FieldDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
        {
            return false;
        }

        _fields.Add(field);
        return true;
    }

    internal void AddInterface(InterfaceType type) => _interfaces.Add(type);
}
