using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Tests.Seed;

namespace LowCode.Engine.Tests.Metadata;

/// <summary>docs/metadata.md stays true to the code: every problem code is explained, every full example is valid.</summary>
public sealed partial class MetadataDocsTests
{
    private static string Docs => File.ReadAllText(RepositoryRoot.Combine("docs", "metadata.md"));

    [Fact]
    public void Docs_ExplainEveryProblemCodeTheValidatorsReport()
    {
        var sources = new[] { RepositoryRoot.Combine("src", "Engine", "Validation"), RepositoryRoot.Combine("src", "Engine", "Metadata") }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories));
        var codes = sources.SelectMany(file => ProblemCode().Matches(File.ReadAllText(file)).Select(m => m.Groups["code"].Value)).ToHashSet(StringComparer.Ordinal);
        var docs = Docs;

        Assert.NotEmpty(codes);
        var undocumented = codes.Where(code => !docs.Contains($"`{code}`", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "docs/metadata.md does not explain: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Docs_FullExamplesPassTheirSchema()
    {
        var examples = JsonBlock().Matches(Docs)
            .Select(m => m.Groups["json"].Value)
            .Select(text => (Text: text, Node: TryParse(text)))
            .Where(e => e.Node is JsonObject o && o.ContainsKey("$schema"))
            .Select((e, i) => new JsonSchemaCheck.Document($"example {i}", Path.GetFileName((string)e.Node!["$schema"]!), e.Text))
            .ToList();

        Assert.True(examples.Count >= 3, $"Expected the form, process and rule set examples, found {examples.Count}.");
        var failures = JsonSchemaCheck.Validate(examples).Where(r => !r.Valid).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // Fragments (a few steps, one property) illustrate a part; only whole documents are checked.
            return null;
        }
    }

    [GeneratedRegex("\"(?<code>(?:json|key|name|expression|duration|assignee|webhook|form|field|validation|process|step|rule|condition|action)\\.[a-z][A-Za-z]+)\"")]
    private static partial Regex ProblemCode();

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
