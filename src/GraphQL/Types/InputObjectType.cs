namespace LowCode.GraphQL.Types;

/// <summary>An input object type (spec §3.10); with <c>@oneOf</c> exactly one field must be given.</summary>
public sealed class InputObjectType(string name) : NamedType(name)
{
    private readonly List<InputValue> _fields = [];
    private readonly Dictionary<string, InputValue> _byName = new(StringComparer.Ordinal);

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValue> Fields => _fields;

    public bool IsOneOf { get; internal set; }

    public InputValue? GetField(string name) => _byName.GetValueOrDefault(name);

    internal bool AddField(InputValue field)
    {
        if (!_byName.TryAdd(field.Name, field))
        {
            return false;
        }

        _fields.Add(field);
        return true;
    }
}
