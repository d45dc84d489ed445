using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Types.Scalars;

namespace LowCode.GraphQL.Tests.Types;

public sealed class ScalarTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        scalar DateTime
        scalar JSON
        type Query {
          at(value: DateTime!): DateTime!
          json(value: JSON): JSON
          now: DateTime!
          doc: JSON
        }
        """)
        .AddScalar(new DateTimeScalar())
        .AddScalar(new JsonScalar())
        .Resolve("Query", "at", c => Assert.IsType<DateTimeOffset>(c.Arguments["value"]))
        .Resolve("Query", "json", c => c.Arguments["value"])
        .Resolve("Query", "now", _ => new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)))
        .Resolve("Query", "doc", _ => System.Text.Json.JsonDocument.Parse("{\"a\":[1,true,null]}").RootElement)
        .Build();

    private static async Task<string> RunAsync(string query, Dictionary<string, object?>? variables = null) =>
        ExecutionResultSerializer.Serialize(await Schema.CreateExecutor().ExecuteAsync(new GraphQLRequest(query, Variables: variables)));

    [Fact]
    public async Task DateTime_RoundTripsLiteralsAndVariables()
    {
        Assert.Equal("{\"data\":{\"at\":\"2024-05-01T10:00:00Z\"}}", await RunAsync("{ at(value: \"2024-05-01T10:00:00Z\") }"));
        Assert.Equal(
            "{\"data\":{\"at\":\"2024-05-01T10:00:00.5+02:00\"}}",
            await RunAsync("query($v: DateTime!) { at(value: $v) }", new() { ["v"] = "2024-05-01T10:00:00.5+02:00" }));
        Assert.Equal("{\"data\":{\"now\":\"2024-05-01T12:30:00+02:00\"}}", await RunAsync("{ now }"));
    }

    [Fact]
    public async Task DateTime_RejectsTextWithoutOffsetWithAClearMessage()
    {
        var json = await RunAsync("query($v: DateTime!) { at(value: $v) }", new() { ["v"] = "2024-05-01" });
        Assert.Contains("DateTime cannot represent value: \\\"2024-05-01\\\"; expected an RFC 3339 string", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_PassesAnyValueThrough()
    {
        Assert.Equal("{\"data\":{\"json\":{\"a\":[1,\"x\",{\"b\":null}]}}}", await RunAsync("{ json(value: {a: [1, \"x\", {b: null}]}) }"));
        Assert.Equal("{\"data\":{\"doc\":{\"a\":[1,true,null]}}}", await RunAsync("{ doc }"));
    }

    [Fact]
    public void CustomScalars_PrintWithSpecifiedBy() =>
        Assert.Contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")", Schema.Print(), StringComparison.Ordinal);

    [Theory]
    [InlineData(2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData("abc", "Int cannot represent non-integer value: \"abc\"")]
    public void Int_SerializeRejectsValuesOutsideItsRange(object value, string message) =>
        Assert.Equal(message, Assert.Throws<GraphQLException>(() => BuiltInScalars.Int.Serialize(value)).Message);

    [Fact]
    public void BuiltIns_CoerceLikeGraphQLJs()
    {
        Assert.Equal(1, BuiltInScalars.Int.Serialize(true));
        Assert.Equal("1.5", BuiltInScalars.String.Serialize(1.5));
        Assert.Equal("42", BuiltInScalars.Id.ParseValue(42));
        Assert.Equal(3d, BuiltInScalars.Float.ParseLiteral(Parser.ParseValue("3")));
        Assert.Throws<GraphQLException>(() => BuiltInScalars.Boolean.ParseValue("true"));
    }
}
