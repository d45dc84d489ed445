using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Tests.Support;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Tests.Differential;

/// <summary>
/// Runs every document of corpus/ through graphql-js 16 (js-reference/run-corpus.mjs) and through LowCode.GraphQL
/// and requires the same parse errors, validation errors (message and locations) and execution results.
/// The one normalisation, <c>extensions</c> on errors, is an intentional difference listed in docs/graphql.md.
/// </summary>
public sealed partial class DifferentialTests
{
    private static readonly Lazy<JsonObject> Reference = new(() =>
        JsonNode.Parse(NodeRunner.Run("run-corpus.mjs", CorpusFolder))!.AsObject());

    private static readonly Lazy<IRequestExecutor> Executor = new(() =>
        TestSchema.Schema.CreateExecutor(new ExecutorOptions { ExposeExceptionMessages = true, MaxDepth = 0, MaxCost = 0 }));

    private static string CorpusFolder => Path.Combine(RepositoryPaths.Differential, "corpus");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusFolder, "*.graphql").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileNameWithoutExtension(file));
        }

        return cases;
    }

    [Fact]
    public void Corpus_HasAtLeastTwoHundredDocuments() => Assert.True(Cases().Count >= 200, $"only {Cases().Count} documents");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Document_GivesTheSameResultAsGraphQLJs(string name)
    {
        var source = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, name + ".graphql")));
        var variablesFile = Path.Combine(CorpusFolder, name + ".variables.json");
        IReadOnlyDictionary<string, object?>? variables = null;
        if (File.Exists(variablesFile))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(variablesFile));
            variables = JsonValues.ToMap(json.RootElement);
        }

        var operationName = OperationNamePattern().Match(source) is { Success: true } m ? m.Groups[1].Value : null;
        var request = new GraphQLRequest(source, operationName, variables);
        var context = new RequestContext { RootValue = TestSchema.RootCounter() };
        var result = await Executor.Value.ExecuteAsync(request, context);

        var expected = Normalize(Reference.Value[name]!.AsObject());
        var actual = Normalize(JsonNode.Parse(ExecutionResultSerializer.Serialize(result))!.AsObject());
        Assert.Equal(expected, actual);
    }

    /// <summary>errors (message, locations, path) first, then data; error extensions dropped.</summary>
    private static string Normalize(JsonObject result)
    {
        var normalized = new JsonObject();
        if (result["errors"] is JsonArray errors)
        {
            var list = new JsonArray();
            foreach (var error in errors)
            {
                var shaped = new JsonObject { ["message"] = error!["message"]!.DeepClone() };
                if (error["locations"] is { } locations)
                {
                    shaped["locations"] = locations.DeepClone();
                }

                if (error["path"] is { } path)
                {
                    shaped["path"] = path.DeepClone();
                }

                list.Add(shaped);
            }

            normalized["errors"] = list;
        }

        if (result.ContainsKey("data"))
        {
            normalized["data"] = result["data"]?.DeepClone();
        }

        return normalized.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    [GeneratedRegex(@"^# operationName: (\w+)")]
    private static partial Regex OperationNamePattern();
}
