using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Tests.Execution;

public sealed class OperationCostTests
{
    private const string Sdl = """
        directive @cost(weight: Int!) on FIELD_DEFINITION

        type Query {
          users(first: Int, last: Int): [User!]!
          search(limit: Int = 5): [User!]!
          user(id: ID!): User
          tags: [String!]!
          report: Report @cost(weight: 50)
          feed(pageSize: Int, take: Int): [Post!]!
          deep: Deep
        }
        type User { id: ID! name: String! friends(first: Int): [User!]! posts: [Post!]! }
        type Post { title: String! author: User }
        type Report { total: Int! rows: [Int!]! @cost(weight: 3) }
        type Deep { deep: Deep value: Int }
        """;

    private static readonly Schema CostSchema = SchemaBuilder.FromSdl(Sdl).Cost("Query", "user", 5).Build();

    /// <summary>The estimated cost, read from the error of a limit every operation here is over.</summary>
    private static async Task<long> CostOfAsync(string query, IReadOnlyDictionary<string, object?>? variables = null, ExecutorOptions? options = null, Schema? schema = null)
    {
        var executor = (schema ?? CostSchema).CreateExecutor((options ?? new ExecutorOptions()) with { MaxCost = 1 });
        var result = await executor.ExecuteAsync(new GraphQLRequest(query, Variables: variables));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Extensions!["code"]);
        return (long)error.Extensions["cost"]!;
    }

    [Theory]
    [InlineData("{ users { id name } }", 21)]
    [InlineData("{ users(first: 3) { id friends(first: 2) { name } } }", 13)]
    [InlineData("{ users(first: 2, last: 4) { id } }", 5)]
    [InlineData("{ tags users(first: 0) { id name } }", 2)]
    [InlineData("{ search { id } }", 6)]
    [InlineData("{ search(limit: 2) { id } }", 3)]
    [InlineData("{ search(limit: null) { id } }", 11)]
    [InlineData("{ tags user(id: \"1\") { name } }", 7)]
    [InlineData("{ report { total rows } }", 54)]
    [InlineData("{ users(first: 1) { __typename ... on User { id } } }", 3)]
    [InlineData("{ users(first: 2) { ...U } a: user(id: \"1\") { ...U } } fragment U on User { id name }", 12)]
    [InlineData("{ user(id: \"1\") { ...U ...U } } fragment U on User { id name }", 9)]
    [InlineData("{ users(first: 2) { ...P } } fragment P on User { posts { ...T } } fragment T on Post { title }", 23)]
    [InlineData("{ feed(pageSize: 100, take: 3) { title } }", 101)]
    public async Task Estimate_GivesTheDocumentedCost(string query, long expected) =>
        Assert.Equal(expected, await CostOfAsync(query));

    [Theory]
    [InlineData(7, 8)]
    [InlineData(null, 11)]
    public async Task Estimate_ReadsListSizesFromVariables(int? first, long expected) =>
        Assert.Equal(expected, await CostOfAsync("query($n: Int) { users(first: $n) { id } }", new Dictionary<string, object?> { ["n"] = first }));

    [Fact]
    public async Task Estimate_UsesTheVariableDefaultOrTheArgumentDefaultWhenAVariableIsNotGiven()
    {
        Assert.Equal(21, await CostOfAsync("query($n: Int = 20) { users(first: $n) { id } }"));
        Assert.Equal(6, await CostOfAsync("query($n: Int) { search(limit: $n) { id } }"));
    }

    [Fact]
    public async Task Estimate_UsesTheConfiguredSizeArgumentsAndDefaultListSize()
    {
        var options = new ExecutorOptions { ListSizeArguments = ["take"], DefaultListSize = 4 };
        Assert.Equal(4, await CostOfAsync("{ feed(pageSize: 100, take: 3) { title } }", options: options));
        Assert.Equal(5, await CostOfAsync("{ users(first: 100) { id } }", options: options));
    }

    [Fact]
    public async Task Estimate_ThatOverflows_IsReportedAsOverTheLimit_NotAsANumber()
    {
        const string query = "{ users(first: 2147483647) { friends(first: 2147483647) { friends(first: 2147483647) { id } } } }";
        var executor = CostSchema.CreateExecutor(new ExecutorOptions { MaxCost = 1000 });

        var result = await executor.ExecuteAsync(new GraphQLRequest(query));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Extensions!["code"]);
        Assert.False(error.Extensions.ContainsKey("cost"));
        Assert.StartsWith("The operation's estimated cost is over the maximum of 1000 (too large to count)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ orders(first: 50) { edges { cursor node { id } } } }", 1 + 1 + (50 * 3))]
    [InlineData("{ orders(first: 5) { nodes { id } pageInfo { hasNextPage } } }", 1 + 1 + (5 * 1) + 2)]
    [InlineData("{ orders { edges { node { id } } } }", 1 + 1 + (10 * 2))]
    public async Task Estimate_CountsAConnectionsEdgesAndNodesByItsPageSize(string query, long expected)
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { orders(first: Int, after: String): OrderConnection! }
            type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }
            type OrderEdge { cursor: String! node: Order! }
            type PageInfo { hasNextPage: Boolean! }
            type Order { id: ID! }
            """).Build();

        Assert.Equal(expected, await CostOfAsync(query, schema: schema));
    }

    [Fact]
    public async Task BuilderCost_WinsOverTheDirective()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).Cost("Query", "report", 7).Build();
        Assert.Equal(8, await CostOfAsync("{ report { total } }", schema: schema));
    }

    [Fact]
    public async Task OverTheLimit_NamesTheCostTheLimitAndTheMostExpensiveField()
    {
        var executor = CostSchema.CreateExecutor(new ExecutorOptions { MaxCost = 1_000 });
        var result = await executor.ExecuteAsync(new GraphQLRequest("{ users(first: 100) {\n  id\n  friends(first: 100) { name }\n} }"));

        Assert.True(result.IsRequestError);
        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "The operation's estimated cost of 10201 exceeds the maximum of 1000; the most expensive field is \"users.friends.name\" at 10000. "
            + "Select fewer fields, or ask list fields for fewer items (first, last, limit, take, pageSize).",
            error.Message);
        Assert.Equal([new SourceLocation(3, 25)], error.Locations);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Extensions!["code"]);
        Assert.Equal(10201L, error.Extensions["cost"]);
        Assert.Equal(1000, error.Extensions["maxCost"]);
        Assert.Equal<object?>(["users", "friends", "name"], (List<object?>)error.Extensions["path"]!);
        Assert.EndsWith(
            ",\"locations\":[{\"line\":3,\"column\":25}],\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\",\"cost\":10201,\"maxCost\":1000,\"path\":[\"users\",\"friends\",\"name\"]}}]}",
            ExecutionResultSerializer.Serialize(result),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverTheLimit_StopsThePathAtTheFieldWhoseChildrenShareTheCost()
    {
        var executor = CostSchema.CreateExecutor(new ExecutorOptions { MaxCost = 100 });
        var result = await executor.ExecuteAsync(new GraphQLRequest("{ tags top: users(first: 10) { id name posts { title } friends { id } } }"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The operation's estimated cost of 242 exceeds the maximum of 100; the most expensive field is \"top\" at 241.", error.Message, StringComparison.Ordinal);
        Assert.Equal<object?>(["top"], (List<object?>)error.Extensions!["path"]!);
    }

    [Fact]
    public async Task OverTheLimit_PathGoesThroughFragments()
    {
        var executor = CostSchema.CreateExecutor(new ExecutorOptions { MaxCost = 100 });
        var result = await executor.ExecuteAsync(new GraphQLRequest("{ users(first: 50) { ...U } } fragment U on User { id posts { title author { name } } }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1601L, error.Extensions!["cost"]);
        Assert.Equal<object?>(["users", "posts", "author"], (List<object?>)error.Extensions["path"]!);
    }

    [Fact]
    public async Task VerdictReadingAVariable_IsNotReusedForTheNextRequest()
    {
        var executor = CostSchema.CreateExecutor(new ExecutorOptions { MaxCost = 50 });
        const string query = "query($n: Int) { users(first: $n) { id } }";

        Task<ExecutionResult> RunAsync(int n) => executor.ExecuteAsync(new GraphQLRequest(query, Variables: new Dictionary<string, object?> { ["n"] = n }));

        Assert.DoesNotContain((await RunAsync(10)).Errors, e => e.Extensions?["code"] as string == ErrorCodes.MaxCostExceeded);
        Assert.Equal(101L, Assert.Single((await RunAsync(100)).Errors).Extensions!["cost"]);
        Assert.DoesNotContain((await RunAsync(10)).Errors, e => e.Extensions?["code"] as string == ErrorCodes.MaxCostExceeded);
    }

    [Fact]
    public async Task FragmentBomb_IsMeasuredWithoutExpandingEverySpread()
    {
        // 2^30 spreads once expanded; each fragment is measured once, so the estimate comes back at once and exact:
        // F30 costs 1 and Fi costs 2 * (1 + F(i+1)), so F0 = 3 * 2^30 - 2, plus 1 for deep.
        var fragments = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Deep {{ a: deep {{ ...F{i + 1} }} b: deep {{ ...F{i + 1} }} }}"));
        var query = "{ deep { ...F0 } }\n" + fragments + "\nfragment F30 on Deep { value }";

        Assert.Equal((3L << 30) - 1, await CostOfAsync(query, options: new ExecutorOptions { MaxDepth = 0 }));
    }
}
