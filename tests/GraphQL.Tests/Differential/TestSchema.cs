using System.Text.Json;
using LowCode.GraphQL.Tests.Support;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Tests.Differential;

/// <summary>
/// The C# side of the shared differential schema (schema.graphql + data.json); js-reference/reference-schema.mjs
/// is the JavaScript side with the same resolvers.
/// </summary>
public static class TestSchema
{
    private static readonly Lazy<Schema> Instance = new(Build);
    private static readonly string[] ScalarArguments = ["int", "float", "string", "boolean", "id"];

    public static string Sdl => File.ReadAllText(Path.Combine(RepositoryPaths.Differential, "schema.graphql"));

    public static Schema Schema => Instance.Value;

    /// <summary>A fresh root value per request: the mutation counter starts at zero.</summary>
    public static object RootCounter() => new Counter();

    private static Schema Build()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Differential, "data.json")));
        var data = (Dictionary<string, object?>)JsonValues.ToClr(json.RootElement)!;
        var characters = Maps(data["characters"]);
        var starships = Maps(data["starships"]);
        var pets = Maps(data["pets"]);
        var byId = characters.Concat(starships).Concat(pets).ToDictionary(m => (string)m["id"]!);

        object? Character(string id) => byId.TryGetValue(id, out var c) && c["type"] is "Human" or "Droid" ? c : null;
        object? OfType(string id, string type) => byId.TryGetValue(id, out var c) && (string)c["type"]! == type ? c : null;

        var builder = SchemaBuilder.FromSdl(Sdl);
        foreach (var abstractType in new[] { "Character", "SearchResult", "Node", "Pet", "CatOrDog" })
        {
            builder.ResolveType(abstractType, (value, _) => (string)((Dictionary<string, object?>)value)["type"]!);
        }

        foreach (var type in new[] { "Human", "Droid" })
        {
            builder.Resolve(type, "friends", c => ((List<object?>)Map(c.Parent)["friends"]!).Select(id => byId[(string)id!]).ToList());
            builder.Resolve(type, "secretBackstory", _ => throw new InvalidOperationException("secretBackstory is secret."));
        }

        builder.Resolve("Starship", "length", c =>
        {
            var length = Convert.ToDouble(Map(c.Parent)["length"], System.Globalization.CultureInfo.InvariantCulture);
            return c.GetArgument<string>("unit") == "FOOT" ? length * 3 : length;
        });

        builder
            .Resolve("Query", "hero", c => byId[c.GetArgument<string>("episode") == "EMPIRE" ? "1000" : "2001"])
            .Resolve("Query", "human", c => OfType(c.GetArgument<string>("id")!, "Human"))
            .Resolve("Query", "droid", c => OfType(c.GetArgument<string>("id")!, "Droid"))
            .Resolve("Query", "character", c => Character(c.GetArgument<string>("id")!))
            .Resolve("Query", "search", c =>
            {
                var text = c.GetArgument<string>("text")!;
                return characters.Concat(starships).Where(m => ((string)m["name"]!).Contains(text, StringComparison.Ordinal)).ToList();
            })
            .Resolve("Query", "starships", _ => starships)
            .Resolve("Query", "pets", _ => pets)
            .Resolve("Query", "catOrDog", c => pets.FirstOrDefault(p => (string)p["id"]! == c.GetArgument<string>("id")))
            .Resolve("Query", "node", c => pets.FirstOrDefault(p => (string)p["id"]! == c.GetArgument<string>("id")))
            .Resolve("Query", "pet", c =>
            {
                var filter = (IReadOnlyDictionary<string, object?>)c.Arguments["filter"]!;
                return pets.FirstOrDefault(p => filter.TryGetValue("name", out var name) && name is not null
                    ? Equals(p["name"], name)
                    : Equals(p["id"], filter.GetValueOrDefault("id")));
            })
            .Resolve("Query", "echo", c => c.Arguments.GetValueOrDefault("input"))
            .Resolve("Query", "scalars", c => string.Join('|', ScalarArguments.Select(k =>
                !c.Arguments.TryGetValue(k, out var value) ? "-" : value switch
                {
                    null => "null",
                    bool b => b ? "true" : "false",
                    string s => s,
                    _ => Inspect.Format(value),
                })))
            .Resolve("Query", "list", c => c.Arguments.GetValueOrDefault("values"))
            .Resolve("Query", "nonNullList", c => c.Arguments.GetValueOrDefault("values"))
            .Resolve("Query", "matrix", c => c.Arguments.GetValueOrDefault("rows"))
            .Resolve("Query", "enumEcho", c => c.Arguments.GetValueOrDefault("episode"))
            .Resolve("Query", "failing", _ => throw new InvalidOperationException("failing field"))
            .Resolve("Query", "failingNonNull", _ => throw new InvalidOperationException("failing non-null field"))
            .Resolve("Query", "nested", _ => new NestedValue(0))
            .ResolveAsync("Query", "asyncValue", async c =>
            {
                await Task.Delay(1, c.CancellationToken);
                return c.GetArgument<string>("value");
            })
            .ResolveAsync<string>("Query", "asyncFailing", async c =>
            {
                await Task.Delay(1, c.CancellationToken);
                throw new InvalidOperationException("async failure");
            })
            .Resolve("Query", "nullableListWithNullItem", _ => new List<object?> { "a", null, "c" })
            .Resolve("Query", "nonNullItemList", _ => new List<object?> { "a", null, "c" })
            .Resolve("Query", "nonNullItemNonNullList", _ => new List<object?> { "a", null })
            .Resolve("Query", "deprecatedField", _ => "old")
            .Resolve("Query", "defaults", c => JsonSerializer.Serialize(c.Arguments))
            .Resolve("Mutation", "increment", c => ((Counter)c.Parent!).Add(c.GetArgument<int>("by")))
            .Resolve("Mutation", "failingIncrement", _ => throw new InvalidOperationException("cannot increment"))
            .Resolve("Mutation", "createEcho", c => c.Arguments.GetValueOrDefault("input"))
            .Resolve("Nested", "child", c => ((NestedValue)c.Parent!).Depth < 5 ? new NestedValue(((NestedValue)c.Parent!).Depth + 1) : null)
            .Resolve("Nested", "items", c => new[] { new NestedValue(((NestedValue)c.Parent!).Depth + 1), new NestedValue(((NestedValue)c.Parent!).Depth + 1) })
            .Resolve("Nested", "failing", c => throw new InvalidOperationException($"failing at depth {((NestedValue)c.Parent!).Depth}"))
            .Resolve("Nested", "nonNullFailing", c => throw new InvalidOperationException($"non-null failing at depth {((NestedValue)c.Parent!).Depth}"))
            .Resolve("Nested", "nonNullChild", c => ((NestedValue)c.Parent!).Depth < 2 ? new NestedValue(((NestedValue)c.Parent!).Depth + 1) : null);
        return builder.Build();
    }

    private static List<Dictionary<string, object?>> Maps(object? list) => ((List<object?>)list!).Cast<Dictionary<string, object?>>().ToList();

    private static Dictionary<string, object?> Map(object? value) => (Dictionary<string, object?>)value!;

    private sealed record NestedValue(int Depth)
    {
        public string Value => $"level {Depth}";
    }

    private sealed class Counter
    {
        private int _value;

        public int Add(int by) => _value += by;
    }
}
