namespace LowCode.GraphQL.Types;

/// <summary>An interface type (spec §3.7).</summary>
public sealed class InterfaceType(string name) : ComplexType(name)
{
    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Names the object type of a runtime value (spec ResolveAbstractType); see <see cref="TypeResolver"/>.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}
