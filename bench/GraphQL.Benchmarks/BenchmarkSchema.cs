using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Benchmarks;

/// <summary>
/// The benchmark schema and data; node/execute.mjs builds the same schema and the same 100 items on the Node side.
/// </summary>
internal static class BenchmarkSchema
{
    public const string Sdl = """
        type Query {
          items(first: Int = 100): [Item!]!
          item(id: ID!): Item
        }

        type Item {
          id: ID!
          name: String!
          price: Float!
          count: Int!
          active: Boolean!
          owner: Owner!
        }

        type Owner {
          id: ID!
          name: String!
        }
        """;

    /// <summary>100 objects × 5 scalar fields + one nested object each.</summary>
    public const string ItemsQuery = "{ items { id name price count active owner { id name } } }";

    public static IReadOnlyList<Item> Items { get; } = Enumerable.Range(0, 100)
        .Select(i => new Item($"item-{i}", $"Item {i}", i * 1.5, i, i % 2 == 0, new Owner($"owner-{i % 10}", $"Owner {i % 10}")))
        .ToList();

    public static Schema Build() => SchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "items", c => Items.Take(c.GetArgument<int>("first")).ToList())
        .Resolve("Query", "item", c => Items.FirstOrDefault(i => i.Id == c.GetArgument<string>("id")))
        .Build();

    public static IRequestExecutor CreateExecutor(int documentCacheSize = 1_000) =>
        Build().CreateExecutor(new ExecutorOptions { DocumentCacheSize = documentCacheSize });

    /// <summary>A ~5 KB operation: aliases, arguments, fragments, inline fragments and variables.</summary>
    public static string FiveKilobyteDocument { get; } = BuildDocument();

    private static string BuildDocument()
    {
        var text = new System.Text.StringBuilder("query Big($first: Int = 10, $id: ID! = \"item-1\") {\n");
        var i = 0;
        while (text.Length < 4_700)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  list{i}: items(first: $first) {{ ...ItemFields owner {{ ...OwnerFields }} }}\n");
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  one{i}: item(id: $id) {{ id ... on Item {{ name price }} owner {{ name }} }}\n");
            i++;
        }

        text.Append("}\n\nfragment ItemFields on Item { id name price count active }\n\nfragment OwnerFields on Owner { id name }\n");
        return text.ToString();
    }
}
