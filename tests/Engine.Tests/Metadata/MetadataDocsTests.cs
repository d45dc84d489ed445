using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Validation.Processes;
using LowCode.Engine.Validation.RuleSets;

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

    [Fact]
    public void Docs_StepPropertyTable_IsTheOneTheValidatorApplies()
    {
        var expected = StepTypes.Names.ToDictionary(n => n, n => Sorted(StepShapeRule.Applicable[StepTypes.TryParse(n, out var t) ? t : default]));

        Assert.Equal(expected, PropertyTable("#### Properties by step type"));
    }

    [Fact]
    public void Docs_ActionPropertyTable_IsTheOneTheValidatorApplies()
    {
        var expected = ActionTypes.All.ToDictionary(n => n, n => Sorted(ActionShapeRule.Applicable[n]));

        Assert.Equal(expected, PropertyTable("#### Properties by action type"));
    }

    private static string Sorted(IEnumerable<string> names) => string.Join(",", names.Order(StringComparer.Ordinal));

    /// <summary>The rows of the "Type | Uses" table under <paramref name="heading"/>: type → its properties, sorted.</summary>
    private static Dictionary<string, string> PropertyTable(string heading)
    {
        var lines = Docs.Split('\n');
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"docs/metadata.md has no '{heading}' section.");
        return lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith("| Type |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0].Trim('`'), cells => Sorted(Code().Matches(cells[1]).Select(m => m.Groups["name"].Value)));
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

    [GeneratedRegex("`(?<name>[a-zA-Z]+)`")]
    private static partial Regex Code();
}
