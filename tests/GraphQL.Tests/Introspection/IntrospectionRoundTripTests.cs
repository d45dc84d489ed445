using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Tests.Differential;
using LowCode.GraphQL.Tests.Support;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Types.Scalars;

namespace LowCode.GraphQL.Tests.Introspection;

/// <summary>
/// Feeds our answer to graphql-js's own introspection query into graphql-js buildClientSchema and requires its
/// printSchema to equal our SDL printer's output: introspection is complete and agrees with the schema.
/// </summary>
public sealed class IntrospectionRoundTripTests
{
    [Fact]
    public async Task DifferentialSchema_IntrospectsToTheSameSdlInGraphQLJs() =>
        await AssertRoundTripAsync(TestSchema.Schema);

    [Fact]
    public async Task SchemaWithDescriptionsCustomScalarsAndDirectives_IntrospectsToTheSameSdlInGraphQLJs()
    {
        var schema = SchemaBuilder.FromSdl(""""
            "The schema of a small shop."
            schema { query: Shop mutation: Orders }

            "Repeats for each tag."
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

            scalar DateTime
            scalar JSON

            """
            A product.
              Indented line.
            """
            type Product @tag(name: "catalog") {
              id: ID!
              "When it was added."
              addedAt: DateTime!
              attributes: JSON
              price(
                "ISO currency code."
                currency: String = "EUR"
                rounding: Rounding = HALF_UP @deprecated(reason: "Always HALF_UP.")
              ): Float @deprecated
            }

            enum Rounding { HALF_UP HALF_EVEN @deprecated(reason: "Banks only.") }

            input ProductFilter @oneOf { id: ID text: String }

            input Page { first: Int = 10 after: String tags: [String!] = ["a"] old: Int @deprecated }

            type Shop { products(filter: ProductFilter, page: Page = {first: 5}): [Product!]! }

            type Orders { place(ids: [ID!]!): Boolean }
            """")
            .AddScalar(new DateTimeScalar())
            .AddScalar(new JsonScalar())
            .Build();
        await AssertRoundTripAsync(schema);
    }

    private static async Task AssertRoundTripAsync(Schema schema)
    {
        var query = NodeRunner.Run("introspection.mjs", "query");
        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest(query));
        Assert.Empty(result.Errors);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ExecutionResultSerializer.Serialize(result));
            var printedByGraphQLJs = NodeRunner.Run("introspection.mjs", "print", file);
            Assert.Equal(printedByGraphQLJs, schema.Print());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
