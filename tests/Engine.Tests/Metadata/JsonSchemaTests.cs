using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;

namespace LowCode.Engine.Tests.Metadata;

/// <summary>The schemas in docs/schema describe the model exactly and catch what editors should flag.</summary>
public sealed class JsonSchemaTests
{
    private static readonly string[] SchemaFiles = ["form.schema.json", "process.schema.json", "ruleset.schema.json"];

    private static JsonObject Schema(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "schema", name)))!.AsObject();

    private static JsonObject Def(string schema, string name) =>
        name == "$" ? Schema(schema) : Schema(schema)["$defs"]![name]!.AsObject();

    /// <summary>The properties JSON reads and writes; [JsonIgnore] members stay in the contract without accessors.</summary>
    private static IEnumerable<JsonPropertyInfo> JsonProperties(Type model) =>
        DefinitionJson.Options.GetTypeInfo(model).Properties.Where(p => p.Get is not null || p.Set is not null);

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(n => (string)n!);

    public static TheoryData<string, string, Type> ObjectsAndModels => new()
    {
        { "form.schema.json", "$", typeof(FormDefinition) },
        { "form.schema.json", "field", typeof(FieldDefinition) },
        { "form.schema.json", "option", typeof(FieldOption) },
        { "form.schema.json", "validation", typeof(FormValidation) },
        { "process.schema.json", "$", typeof(ProcessDefinition) },
        { "process.schema.json", "step", typeof(StepDefinition) },
        { "process.schema.json", "dataAssignment", typeof(DataAssignment) },
        { "process.schema.json", "assignee", typeof(AssigneeDefinition) },
        { "process.schema.json", "externalParticipant", typeof(ExternalParticipant) },
        { "process.schema.json", "webhook", typeof(WebhookDefinition) },
        { "ruleset.schema.json", "$", typeof(RuleSetDefinition) },
        { "ruleset.schema.json", "rule", typeof(RuleDefinition) },
        { "ruleset.schema.json", "condition", typeof(ConditionDefinition) },
        { "ruleset.schema.json", "factPattern", typeof(FactPattern) },
        { "ruleset.schema.json", "action", typeof(ActionDefinition) },
    };

    [Theory]
    [MemberData(nameof(ObjectsAndModels))]
    public void SchemaObject_HasExactlyTheModelsPropertiesAndNoOthers(string schema, string def, Type model)
    {
        var node = Def(schema, def);
        var modelNames = JsonProperties(model).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(modelNames, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False((bool)node["additionalProperties"]!);
        Assert.All(node["properties"]!.AsObject(), p => Assert.True(
            p.Value!["description"] is not null || p.Value!["$ref"] is not null,
            $"{schema} {def}.{p.Key} has no description for editors to show."));
    }

    [Theory]
    [MemberData(nameof(ObjectsAndModels))]
    public void SchemaObject_RequiresEveryPropertyTheModelRequires(string schema, string def, Type model)
    {
        var required = Def(schema, def)["required"] is { } r ? Strings(r).ToHashSet() : [];

        foreach (var property in JsonProperties(model).Where(p => p.IsRequired))
        {
            Assert.Contains(property.Name, required);
        }
    }

    [Fact]
    public void Enumerations_MatchTheVocabularyTheValidatorsKnow()
    {
        Assert.Equal(FieldTypes.Names, Strings(Def("form.schema.json", "field")["properties"]!["type"]!["enum"]));
        Assert.Equal(StepTypes.Names, Strings(Def("process.schema.json", "step")["properties"]!["type"]!["enum"]));
        Assert.Equal(ActionTypes.All, Strings(Def("ruleset.schema.json", "action")["properties"]!["type"]!["enum"]));
        Assert.Equal(ActionTypes.Severities, Strings(Def("ruleset.schema.json", "action")["properties"]!["severity"]!["enum"]));
        Assert.Equal(ActionTypes.Operators, Strings(Def("ruleset.schema.json", "condition")["properties"]!["op"]!["enum"]));
        Assert.Equal(ActionTypes.Facts, Strings(Def("ruleset.schema.json", "condition")["properties"]!["fact"]!["enum"]));
        Assert.Equal(ActionTypes.Facts, Strings(Def("ruleset.schema.json", "factPattern")["properties"]!["fact"]!["enum"]));
        Assert.Equal(ActionTypes.Events, Strings(Def("ruleset.schema.json", "rule")["properties"]!["on"]!["enum"]));
    }

    [Theory]
    [InlineData("assignee")]
    [InlineData("externalParticipant")]
    [InlineData("webhook")]
    [InlineData("duration")]
    [InlineData("expression")]
    [InlineData("identifier")]
    [InlineData("definitionKey")]
    public void SharedDefinitions_AreIdenticalInTheSchemasThatCarryThem(string def)
    {
        var copies = SchemaFiles
            .Select(s => Schema(s)["$defs"]![def])
            .Where(n => n is not null)
            .ToList();

        Assert.True(copies.Count >= 2, $"'{def}' should be shared by at least two schemas.");
        Assert.All(copies, c => Assert.True(JsonNode.DeepEquals(copies[0], c), $"The copies of '{def}' differ."));
    }

    public static TheoryData<string, string, string, string> BrokenDocuments => new()
    {
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "visiblewhen": "x" } ] }""", "/fields/0", "additionalProperties" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "txt" } ] }""", "/fields/0/type", "enum" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "select" } ] }""", "/fields/0", "required" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "min": 1 } ] }""", "/fields/0/min", "false schema" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "static", "content": "x", "required": true } ] }""", "/fields/0/required", "false schema" },
        { "form.schema.json", """{ "key": "Expense Claim", "name": "F", "fields": [ { "key": "a", "type": "text" } ] }""", "/key", "pattern" },
        { "form.schema.json", """{ "name": "F", "fields": [ { "key": "a", "type": "text" } ] }""", "", "required" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "file", "maxSizeBytes": 0 } ] }""", "/fields/0/maxSizeBytes", "minimum" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "number", "default": "ten" } ] }""", "/fields/0/default", "type" },
        { "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "file", "default": "scan.pdf" } ] }""", "/fields/0/default", "false schema" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "manager-approval", "type": "approval", "assignee": { "role": "m" } } ] }""", "/steps/0/key", "pattern" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "sla": "48h", "steps": [ { "key": "done", "type": "end" } ] }""", "/sla", "pattern" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "done", "type": "end", "sla": "P1M" } ] }""", "/steps/0/sla", "pattern" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "approval", "assignee": { "role": "m", "user": "u" } } ] }""", "/steps/0/assignee", "maxProperties" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "webhook", "webhook": { "url": "ftp://example.com/x" } } ] }""", "/steps/0/webhook/url", "pattern" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "webhook", "webhook": { "url": "https://example.com", "retries": 11 } } ] }""", "/steps/0/webhook/retries", "maximum" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "timer", "duration": "P1D", "until": "x" } ] }""", "/steps/0", "oneOf" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "parallelSplit", "branches": [ "b" ] } ] }""", "/steps/0/branches", "minItems" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "formTask", "assignee": { "role": "m" } } ] }""", "/steps/0", "required" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "script", "assignee": { "role": "m" }, "set": [ { "path": "x", "expression": "1" } ] } ] }""", "/steps/0/assignee", "false schema" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "aproval" } ] }""", "/steps/0/type", "enum" },
        { "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "timer", "duration": "P1D" }, { "key": "done", "type": "end" } ] }""", "/steps/0", "anyOf" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "path": "x", "op": "=", "value": 1 } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/op", "enum" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "path": "x", "op": ">", "value": 1, "expression": "x > 1" } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0", "oneOf" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "path": "x", "op": "between", "value": [ 1 ] } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/value", "minItems" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "path": "x", "op": "isEmpty", "value": 1 } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/value", "false schema" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "then": [ { "type": "goTo" } ] } ] }""", "/rules/0/then/0", "required" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "then": [ { "type": "goto", "step": "b" } ] } ] }""", "/rules/0/then/0/type", "enum" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "then": [ { "type": "setData", "path": "x", "value": 1, "expression": "2" } ] } ] }""", "/rules/0/then/0", "oneOf" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "salience": 20000, "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/salience", "maximum" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "on": "slaBreach", "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/on", "enum" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a" } ] }""", "/rules/0", "required" },
    };

    [Fact]
    public void BrokenDocuments_FailTheSchemaAtThePathAnEditorWouldUnderline()
    {
        var cases = BrokenDocuments.Select((row, i) => (Name: $"case {i}", Schema: (string)row[0], Json: (string)row[1], Path: (string)row[2], Keyword: (string)row[3])).ToList();

        var results = JsonSchemaCheck.Validate(cases.Select(c => new JsonSchemaCheck.Document(c.Name, c.Schema, c.Json)));

        var misses = cases.Zip(results)
            .Where(pair => pair.Second.Valid || !pair.Second.Errors.Any(e => e.Path == pair.First.Path && e.Keyword == pair.First.Keyword))
            .Select(pair => $"{pair.First.Json}{Environment.NewLine}  expected {pair.First.Keyword} at '{pair.First.Path}', got {pair.Second}")
            .ToList();
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }

    [Fact]
    public void StepWithoutNextOrTransitions_PassesTheSchemaWhenARuleSetRoutesTheProcess()
    {
        var result = JsonSchemaCheck.Validate("process.schema.json", """
            { "key": "p1", "name": "P", "ruleSet": "routing", "steps": [ { "key": "a", "type": "timer", "duration": "P1D" }, { "key": "done", "type": "end" } ] }
            """);

        Assert.True(result.Valid, result.ToString());
    }

    [Fact]
    public void MinimalDocuments_PassTheSchema()
    {
        var results = JsonSchemaCheck.Validate(
        [
            new("form", "form.schema.json", """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text" } ] }"""),
            new("process", "process.schema.json", """{ "key": "p1", "name": "P", "steps": [ { "key": "done", "type": "end" } ] }"""),
            new("ruleset", "ruleset.schema.json", """{ "key": "r1", "name": "R" }"""),
        ]);

        Assert.All(results, r => Assert.True(r.Valid, r.ToString()));
    }
}
