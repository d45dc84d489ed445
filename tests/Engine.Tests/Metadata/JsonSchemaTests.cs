using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Tests.Validation;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using LowCode.Engine.Validation.RuleSets;

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
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "path": "x", "op": ">", "value": 1, "expression": "x > 1" } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/path", "false schema" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "expression": "true", "exists": { "fact": "task" } } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/exists", "false schema" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "fact": "task", "value": 1 } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0", "required" },
        { "ruleset.schema.json", """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "not": { "fact": "task", "where": [ { "expression": "outcome === 'rejected'", "fact": "task" } ] } } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "/rules/0/when/0/not/where/0/fact", "false schema" },
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
    public void StepTypeBlocks_ForbidExactlyThePropertiesTheValidatorReportsAsNotApplicable()
    {
        var step = Def("process.schema.json", "step");
        var optional = step["properties"]!.AsObject().Select(p => p.Key).Except(["key", "type", "name"]).ToList();
        var expected = StepTypes.Names.ToDictionary(n => n, n => Sorted(optional.Except(StepShapeRule.Applicable[StepType(n)])));

        Assert.Equal(expected, TypeBlocks(step).ToDictionary(b => b.Type, b => Sorted(b.Forbidden)));
        Assert.All(TypeBlocks(step), b => Assert.Contains(
            StepShapeRule.Applicable[StepType(b.Type)] is { Length: > 0 } uses ? $"uses only {Quoted(uses)} besides" : "uses none besides",
            b.Message,
            StringComparison.Ordinal));
    }

    [Fact]
    public void ActionTypeBlocks_ForbidExactlyThePropertiesTheValidatorReportsAsNotApplicable()
    {
        var action = Def("ruleset.schema.json", "action");
        var optional = action["properties"]!.AsObject().Select(p => p.Key).Except(["type"]).ToList();
        var expected = ActionTypes.All.ToDictionary(t => t, t => Sorted(optional.Except(ActionShapeRule.Applicable[t])));

        Assert.Equal(expected, TypeBlocks(action).ToDictionary(b => b.Type, b => Sorted(b.Forbidden)));
        Assert.All(TypeBlocks(action), b => Assert.Contains($"uses only {Quoted(ActionShapeRule.Applicable[b.Type])} besides", b.Message, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every property the validator reports as step.propertyNotApplicable, action.propertyNotApplicable or
    /// condition.propertyNotApplicable, written beside a valid base, is rejected by the schema at the same place, so an
    /// editor underlines as you type what a save would report.
    /// </summary>
    [Fact]
    public void PropertyTheValidatorReportsAsNotApplicable_FailsTheSchemaAtTheSamePath()
    {
        Assert.Equal(Sorted(Def("process.schema.json", "step")["properties"]!.AsObject().Select(p => p.Key).Except(["key", "type", "name"])), Sorted(StepValues.Keys));
        Assert.Equal(Sorted(Def("ruleset.schema.json", "action")["properties"]!.AsObject().Select(p => p.Key).Except(["type"])), Sorted(ActionValues.Keys));
        var cases = StrayProperties().ToList();

        var results = JsonSchemaCheck.Validate(cases.Select(c => new JsonSchemaCheck.Document(c.Name, c.Schema, c.Json)));

        Assert.Equal(StepTypes.Names.Count + ActionTypes.All.Count + StrayHeads.Length, cases.Select(c => c.Name.Split(' ')[0]).Distinct().Count());
        var misses = cases.Zip(results).Select(pair => Miss(pair.First, pair.Second)).OfType<string>().ToList();
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }

    /// <summary>The definitions the stray properties are added to pass both the schema and the validator as they are.</summary>
    [Fact]
    public void BasesOfTheStrayPropertyCases_PassTheSchemaAndTheValidator()
    {
        var steps = StepBases.Select(b => (Name: $"{b.Key} step", Json: StepJson(b.Key, b.Value)));
        var actions = ActionBases.Select(b => (Name: $"{b.Key} action", Json: $"{{ \"type\": \"{b.Key}\", {b.Value.Trim()} }}"));
        var conditions = StrayHeads.Select(h => (Name: $"{h.Name} condition", Json: $"{{ {h.Json.Trim()} }}"));
        var bases = steps.Select(s => (s.Name, Schema: "process.schema.json", Json: ProcessJson(s.Json), Problems: StepProblems(s.Json)))
            .Concat(actions.Select(a => (a.Name, Schema: "ruleset.schema.json", Json: ThenJson(a.Json), Problems: ActionProblems(a.Json))))
            .Concat(conditions.Select(c => (c.Name, Schema: "ruleset.schema.json", Json: WhenJson(c.Json), Problems: ConditionProblems(c.Json))))
            .ToList();

        var results = JsonSchemaCheck.Validate(bases.Select(b => new JsonSchemaCheck.Document(b.Name, b.Schema, b.Json)));

        Assert.All(results, r => Assert.True(r.Valid, r.ToString()));
        Assert.All(bases, b => ProblemAssert.None(b.Problems));
    }

    /// <summary>Why a stray-property case fails, or null when schema and validator both reject it where expected.</summary>
    private static string? Miss(StrayCase c, JsonSchemaCheck.Result result)
    {
        var validatorPaths = c.Validate().Where(p => p.Code == c.Code).Select(p => p.Path).ToList();
        if (!validatorPaths.SequenceEqual([c.JsonPath]))
        {
            return $"{c.Name}: the validator reports [{c.Code}] at [{string.Join(", ", validatorPaths)}], expected {c.JsonPath}";
        }

        return result.Errors.Any(e => e.Path == c.Pointer && e.Keyword == "false schema")
            ? null
            : $"{c.Name}: expected false schema at '{c.Pointer}', got {result}";
    }

    private sealed record StrayCase(string Name, string Schema, string Json, string Pointer, string JsonPath, string Code, Func<IReadOnlyList<ValidationProblem>> Validate);

    /// <summary>A valid step of each type, the one before an end step 'done' in a process without a rule set.</summary>
    private static readonly Dictionary<string, string> StepBases = new(StringComparer.Ordinal)
    {
        ["formTask"] = """ "form": "expense-claim", "assignee": { "role": "clerk" }, "next": "done" """,
        ["approval"] = """ "assignee": { "role": "manager" }, "next": "done" """,
        ["script"] = """ "set": [ { "path": "x", "expression": "1" } ], "next": "done" """,
        ["webhook"] = """ "webhook": { "url": "https://example.com/hook" }, "next": "done" """,
        ["timer"] = """ "duration": "P1D", "next": "done" """,
        ["signal"] = """ "signal": "paid", "next": "done" """,
        ["parallelSplit"] = """ "branches": [ "done", "done" ] """,
        ["parallelJoin"] = """ "next": "done" """,
        ["end"] = "",
    };

    /// <summary>A value each step property would be valid with, on a step it applies to.</summary>
    private static readonly Dictionary<string, string> StepValues = new(StringComparer.Ordinal)
    {
        ["form"] = "\"expense-claim\"",
        ["assignee"] = """{ "role": "clerk" }""",
        ["sla"] = "\"P1D\"",
        ["next"] = "\"done\"",
        ["transitions"] = """{ "failed": "done" }""",
        ["outcomes"] = """[ "approved", "rejected" ]""",
        ["branches"] = """[ "done", "done" ]""",
        ["set"] = """[ { "path": "x", "expression": "1" } ]""",
        ["webhook"] = """{ "url": "https://example.com/hook" }""",
        ["duration"] = "\"P1D\"",
        ["until"] = "\"dueDate\"",
        ["signal"] = "\"paid\"",
    };

    private static readonly Dictionary<string, string> ActionBases = new(StringComparer.Ordinal)
    {
        ["goTo"] = """ "step": "done" """,
        ["setData"] = """ "path": "level", "value": 2 """,
        ["assign"] = """ "assignee": { "role": "finance" } """,
        ["raiseException"] = """ "code": "LATE", "message": "Late." """,
        ["resolveException"] = """ "code": "LATE" """,
        ["notify"] = """ "assignee": { "role": "finance" }, "message": "Look at this." """,
        ["callWebhook"] = """ "webhook": { "url": "https://example.com/hook" } """,
    };

    private static readonly Dictionary<string, string> ActionValues = new(StringComparer.Ordinal)
    {
        ["step"] = "\"done\"",
        ["path"] = "\"level\"",
        ["value"] = "2",
        ["expression"] = "\"total * 2\"",
        ["assignee"] = """{ "role": "finance" }""",
        ["code"] = "\"LATE\"",
        ["message"] = "\"Late.\"",
        ["severity"] = "\"warning\"",
        ["webhook"] = """{ "url": "https://example.com/hook" }""",
    };

    /// <summary>The condition shapes beside which the parts of a structured test do not apply.</summary>
    private static readonly (string Name, string Json)[] StrayHeads =
    [
        ("expression", """ "expression": "total > 1000" """),
        ("not", """ "not": { "fact": "task", "where": [ { "path": "outcome", "op": "==", "value": "rejected" } ] } """),
        ("exists", """ "exists": { "fact": "exception" } """),
    ];

    private static readonly (string Name, string Json)[] StructuredParts =
    [
        ("fact", "\"task\""),
        ("path", "\"total\""),
        ("op", "\">\""),
        ("value", "1000"),
    ];

    private static IEnumerable<StrayCase> StrayProperties()
    {
        foreach (var (type, body) in StepBases)
        {
            foreach (var (property, value) in StepValues.Where(v => !StepShapeRule.Applicable[StepType(type)].Contains(v.Key, StringComparer.Ordinal)))
            {
                var step = StepJson(type, Join(body, $"\"{property}\": {value}"));
                yield return new($"{type} step with {property}", "process.schema.json", ProcessJson(step), $"/steps/0/{property}", $"$.steps[0].{property}", "step.propertyNotApplicable", () => StepProblems(step));
            }
        }

        foreach (var (type, body) in ActionBases)
        {
            foreach (var (property, value) in ActionValues.Where(v => !ActionShapeRule.Applicable[type].Contains(v.Key, StringComparer.Ordinal)))
            {
                var action = $"{{ \"type\": \"{type}\", {Join(body, $"\"{property}\": {value}")} }}";
                yield return new($"{type} action with {property}", "ruleset.schema.json", ThenJson(action), $"/rules/0/then/0/{property}", $"$.rules[0].then[0].{property}", "action.propertyNotApplicable", () => ActionProblems(action));
            }
        }

        foreach (var (head, body) in StrayHeads)
        {
            foreach (var (part, value) in StructuredParts)
            {
                var condition = $"{{ {Join(body, $"\"{part}\": {value}")} }}";
                yield return new($"{head} condition with {part}", "ruleset.schema.json", WhenJson(condition), $"/rules/0/when/0/{part}", $"$.rules[0].when[0].{part}", "condition.propertyNotApplicable", () => ConditionProblems(condition));
            }
        }
    }

    private static string Join(string body, string property) => body.Trim().Length == 0 ? property : $"{body.Trim()}, {property}";

    private static string StepJson(string type, string body) => $$"""{ "key": "a", "type": "{{type}}"{{(body.Trim().Length == 0 ? "" : ", " + body.Trim())}} }""";

    private static string StepsJson(string step) => $$"""[ {{step}}, { "key": "done", "type": "end" } ]""";

    /// <summary>The text <see cref="Definitions.Process"/> parses for the validator, so schema and validator see the same document.</summary>
    private static string ProcessJson(string step) => $$"""{ "key": "test-process", "name": "Test process", "steps": {{StepsJson(step)}} }""";

    private static string ThenJson(string action) => $$"""{ "key": "test-rules", "name": "Test rules", "rules": [ { "name": "r", "then": [ {{action}} ] } ] }""";

    private static string WhenJson(string condition) => $$"""{ "key": "test-rules", "name": "Test rules", "rules": [ { "name": "r", "when": [ {{condition}} ], "then": [ { "type": "goTo", "step": "done" } ] } ] }""";

    private static IReadOnlyList<ValidationProblem> StepProblems(string step) => RuleRunner.Run(new StepShapeRule(), Definitions.Process(StepsJson(step)));

    private static IReadOnlyList<ValidationProblem> ActionProblems(string action) => RuleRunner.Run(new ActionShapeRule(), Definitions.Then($"[ {action} ]"));

    private static IReadOnlyList<ValidationProblem> ConditionProblems(string condition) => RuleRunner.Run(new ConditionShapeRule(), Definitions.When($"[ {condition} ]"));

    private static StepType StepType(string name) =>
        StepTypes.TryParse(name, out var type) ? type : throw new ArgumentException($"'{name}' is not a step type.", nameof(name));

    private static string Sorted(IEnumerable<string> names) => string.Join(",", names.Order(StringComparer.Ordinal));

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>The per-type blocks of an object with a 'type' discriminator: the type, the properties it sets to false and the message editors show.</summary>
    private static IEnumerable<(string Type, IEnumerable<string> Forbidden, string Message)> TypeBlocks(JsonObject def) =>
        def["allOf"]!.AsArray()
            .Where(b => b!["if"]?["properties"]?["type"]?["const"] is not null)
            .Select(b => (
                (string)b!["if"]!["properties"]!["type"]!["const"]!,
                b["then"]!["properties"]!.AsObject().Where(p => p.Value!.GetValueKind() == JsonValueKind.False).Select(p => p.Key),
                (string)b["then"]!["errorMessage"]!));

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
