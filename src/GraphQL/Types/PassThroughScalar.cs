using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>A scalar the SDL declares but the host did not register: values pass through unchanged, as in graphql-js.</summary>
internal sealed class PassThroughScalar(string name) : ScalarType(name)
{
    public override object? Serialize(object value) => value;

    public override object? ParseValue(object value) => value;

    public override object? ParseLiteral(ValueNode literal) => Scalars.JsonScalarLiterals.Parse(literal);
}
