using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Tests.Execution;

/// <summary>A small schema whose resolvers record what the executor did to them.</summary>
internal sealed class ExecutorTestSchema
{
    public List<IReadOnlyList<string>> Batches { get; } = [];

    public List<string> MutationLog { get; } = [];

    public Schema Schema { get; }

    public ExecutorTestSchema()
    {
        Schema = SchemaBuilder.FromSdl("""
            type Query {
              books: [Book!]!
              slow: String
              boom: String
              secret: String
              coded: String
              deep: Deep
              wait: String
            }
            type Book { title: String! author: Author }
            type Author { id: ID! name: String! }
            type Deep { deep: Deep value: Int }
            type Mutation { first: String second: String }
            type Subscription { counter(to: Int!): Int! broken: Int }
            """)
            .Resolve("Query", "books", _ => Enumerable.Range(1, 6).Select(i => new Dictionary<string, object?>
            {
                ["title"] = $"Book {i}",
                ["authorId"] = $"a{i % 3}",
            }).ToList())
            .ResolveAsync("Book", "author", c => c.DataLoaders
                .GetOrAdd<string, Dictionary<string, object?>>("authors", (ids, _) =>
                {
                    lock (Batches)
                    {
                        Batches.Add(ids.ToList());
                    }

                    IReadOnlyDictionary<string, Dictionary<string, object?>> found = ids.ToDictionary(
                        id => id,
                        id => new Dictionary<string, object?> { ["id"] = id, ["name"] = "Author " + id });
                    return Task.FromResult(found);
                })
                .LoadAsync((string)((Dictionary<string, object?>)c.Parent!)["authorId"]!))
            .ResolveAsync("Query", "slow", async c =>
            {
                await Task.Delay(10, c.CancellationToken);
                return "slow";
            })
            .Resolve("Query", "boom", _ => throw new InvalidOperationException("database password is hunter2"))
            .Resolve("Query", "coded", _ => throw new GraphQLException("Not yours.", "FORBIDDEN"))
            .Resolve("Query", "secret", c => c.Items["user"])
            .Resolve("Query", "deep", _ => new object())
            .Resolve("Deep", "deep", _ => new object())
            .Resolve("Deep", "value", _ => 1)
            .ResolveAsync("Query", "wait", async c =>
            {
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "never";
            })
            .ResolveAsync("Mutation", "first", async _ =>
            {
                await Task.Delay(30);
                lock (MutationLog)
                {
                    MutationLog.Add("first");
                }

                return "1";
            })
            .Resolve("Mutation", "second", _ =>
            {
                lock (MutationLog)
                {
                    MutationLog.Add("second");
                }

                return "2";
            })
            .Subscribe("Subscription", "counter", c => CountAsync(c.GetArgument<int>("to"), c.CancellationToken))
            .Subscribe<int>("Subscription", "broken", _ => throw new GraphQLException("No stream for you.", "FORBIDDEN"))
            .Build();
    }

    private static async IAsyncEnumerable<int> CountAsync(int to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
