using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>
/// A scalar (spec §3.5). Subclass it for a custom scalar and register it with <c>SchemaBuilder.AddScalar</c>;
/// the SDL declares it with <c>scalar Name</c>. Throw <see cref="Execution.GraphQLException"/> from the three
/// coercion methods with a message the client can act on.
/// </summary>
public abstract class ScalarType(string name) : NamedType(name)
{
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the scalar's specification (<c>@specifiedBy</c>).</summary>
    public string? SpecifiedByUrl { get; protected internal set; }

    /// <summary>Result coercion (spec §3.5, "Result Coercion"): a resolver's value to a JSON-ready value.</summary>
    public abstract object? Serialize(object value);

    /// <summary>Input coercion of a variable value (plain CLR value from JSON) to the value resolvers see.</summary>
    public abstract object? ParseValue(object value);

    /// <summary>Input coercion of a literal in the document; never sees a variable or null node.</summary>
    public abstract object? ParseLiteral(ValueNode literal);
}
