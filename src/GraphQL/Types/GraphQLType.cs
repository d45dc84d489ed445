namespace LowCode.GraphQL.Types;

/// <summary>Any type of spec §3.4: a named type or a list/non-null wrapper. <c>ToString()</c> prints the type reference.</summary>
public abstract class GraphQLType
{
    /// <summary>The named type under all list and non-null wrappers.</summary>
    public abstract NamedType Named { get; }

    /// <summary>Input types may be used for arguments and variables (spec §3.4.2).</summary>
    public bool IsInputType => Named is ScalarType or EnumType or InputObjectType;

    /// <summary>Output types may be the type of a field (spec §3.4.2).</summary>
    public bool IsOutputType => Named is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;

    /// <summary>The type without a non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Structural equality of type references (spec IsSameType).</summary>
    public static bool AreEqual(GraphQLType a, GraphQLType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) switch
        {
            (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
            (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
            (NamedType x, NamedType y) => ReferenceEquals(x, y),
            _ => false,
        };
    }
}
