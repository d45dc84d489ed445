namespace LowCode.GraphQL.Types;

/// <summary>A union type (spec §3.8).</summary>
public sealed class UnionType(string name) : NamedType(name)
{
    private readonly List<ObjectType> _types = [];

    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types => _types;

    /// <summary>Names the object type of a runtime value; see <see cref="TypeResolver"/>.</summary>
    public TypeResolver? ResolveType { get; internal set; }

    internal void AddType(ObjectType type) => _types.Add(type);
}
