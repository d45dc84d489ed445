namespace LowCode.GraphQL.Types;

/// <summary>A non-null wrapper (spec §3.12); never wraps another non-null type.</summary>
public sealed class NonNullType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override string ToString() => $"{OfType}!";
}
