using System.Text.Json;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types.Scalars;

/// <summary>
/// JSON: any JSON value, passed through unchanged. Not built in: a host adds it with
/// <c>SchemaBuilder.AddScalar(new JsonScalar())</c> and <c>scalar JSON</c>. Resolvers see plain CLR values
/// (maps, lists, strings, numbers, booleans) and may return those, a <see cref="JsonElement"/> or a JsonNode.
/// </summary>
public sealed class JsonScalar : ScalarType
{
    public JsonScalar()
        : base("JSON")
    {
        Description = "Any JSON value.";
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc8259";
    }

    public override object? Serialize(object value) => value switch
    {
        JsonElement element => JsonValues.ToClr(element),
        System.Text.Json.Nodes.JsonNode node => JsonValues.ToClr(JsonSerializer.SerializeToElement(node)),
        _ => value,
    };

    public override object? ParseValue(object value) => value is JsonElement element ? JsonValues.ToClr(element) : value;

    public override object? ParseLiteral(ValueNode literal) => JsonScalarLiterals.Parse(literal);
}
