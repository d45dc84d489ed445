namespace LowCode.GraphQL.Types;

/// <summary>An object type (spec §3.6).</summary>
public sealed class ObjectType(string name) : ComplexType(name)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>Tells whether a runtime value belongs to this type, for abstract types without a type resolver.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }
}
