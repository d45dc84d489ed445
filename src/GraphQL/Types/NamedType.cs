using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>A named type: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType(string name) : GraphQLType
{
    public string Name { get; } = name;

    public string? Description { get; internal set; }

    /// <summary>The SDL definition the type was built from, if any (extensions excluded).</summary>
    public TypeDefinitionNode? Definition { get; internal set; }

    public override NamedType Named => this;

    /// <summary>The __TypeKind of introspection (spec §4.2.1).</summary>
    public abstract TypeKind Kind { get; }

    /// <summary>True for the five scalars of spec §3.5 and the introspection types.</summary>
    public bool IsBuiltIn { get; internal set; }

    public override string ToString() => Name;
}
