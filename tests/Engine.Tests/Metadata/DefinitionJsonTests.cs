using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Metadata;

public sealed class DefinitionJsonTests
{
    private static ParseResult ParseForm(string json) => DefinitionJson.Parse(DefinitionKind.Form, json);

    [Theory]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text" } ] }""", typeof(FormDefinition))]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ { "key": "done", "type": "end" } ] }""", typeof(ProcessDefinition))]
    [InlineData(DefinitionKind.RuleSet, """{ "key": "r1", "name": "R", "rules": [] }""", typeof(RuleSetDefinition))]
    public void Parse_ReadsEachKindIntoItsModel(DefinitionKind kind, string json, Type expected)
    {
        var result = DefinitionJson.Parse(kind, json);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.IsType(expected, result.Definition);
        Assert.Equal(kind, result.Definition!.Kind);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Parse_WithAMisspeltProperty_ReportsItsPathLineAndColumn()
    {
        const string json = """
            {
              "key": "f1",
              "name": "F",
              "fields": [
                { "key": "a", "type": "text", "visiblewhen": "x" }
              ]
            }
            """;

        var problem = Assert.Single(ParseForm(json).Problems);

        Assert.Equal("json.unknownProperty", problem.Code);
        Assert.Equal("$.fields[0].visiblewhen", problem.Path);
        Assert.Equal(5, problem.Line);
        var nameStart = json.Split('\n')[4].IndexOf("\"visiblewhen\"", StringComparison.Ordinal) + 1;
        Assert.InRange(problem.Column!.Value, nameStart, nameStart + "\"visiblewhen\":".Length);
        Assert.Contains("'visiblewhen'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("camelCase", problem.Message, StringComparison.Ordinal);
    }

    // Regression: [JsonIgnore] members (Kind, FieldType, StepType, Targets, StartStep) stayed in the serializer's contract,
    // so UnmappedMemberHandling.Disallow treated JSON properties of those names as known and silently dropped them.
    [Theory]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "kind": "form" }""", "$.kind")]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "fieldType": "text" } ] }""", "$.fields[0].fieldType")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "startStep": "a", "steps": [ { "key": "a", "type": "end" } ] }""", "$.startStep")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "end", "targets": [ "b" ] } ] }""", "$.steps[0].targets")]
    public void Parse_WithAPropertyNamedLikeAComputedMember_ReportsItAsUnknown(DefinitionKind kind, string json, string path)
    {
        var result = DefinitionJson.Parse(kind, json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("json.unknownProperty", path), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("""{ "key": "f1", "name": "F", "title": "x" }""", "$.title")]
    [InlineData("""{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "select", "options": [ { "value": "x", "lable": "X" } ] } ] }""", "$.fields[0].options[0].lable")]
    [InlineData("""{ "key": "f1", "name": "F", "fields": [ { "Key": "a", "key": "a", "type": "text" } ] }""", "$.fields[0].Key")]
    public void Parse_WithAnUnknownProperty_ReportsItsFullPath(string json, string path)
    {
        var problem = Assert.Single(ParseForm(json).Problems);

        Assert.Equal("json.unknownProperty", problem.Code);
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Parse_WithAnObjectWhereAListBelongs_ReportsWrongTypeWithHowToWriteIt()
    {
        var problem = Assert.Single(ParseForm("""{ "key": "f1", "name": "F", "fields": { } }""").Problems);

        Assert.Equal("json.wrongType", problem.Code);
        Assert.Equal("$.fields", problem.Path);
        Assert.Contains("square brackets", problem.Message, StringComparison.Ordinal);
    }

    // Regression: System.Text.Json wraps primitive mismatches with an inner exception, so DefinitionJson.Describe
    // fell through to "The JSON is not well formed" (json.syntax) for "required": "yes".
    [Theory]
    [InlineData("""{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "required": "yes" } ] }""", "$.fields[0].required", "true or false")]
    [InlineData("""{ "key": "f1", "name": "F", "fields": [ { "key": 5, "type": "text" } ] }""", "$.fields[0].key", "double quotes")]
    [InlineData("""{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "maxLength": "20" } ] }""", "$.fields[0].maxLength", "whole number")]
    public void Parse_WithAValueOfTheWrongPrimitiveType_ReportsWrongTypeWithHowToWriteIt(string json, string path, string advice)
    {
        var problem = Assert.Single(ParseForm(json).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Equal("json.wrongType", problem.Code);
        Assert.Contains(advice, problem.Message, StringComparison.Ordinal);
    }

    // Regression: the message System.Text.Json gives has no "Path" after the names, so the MissingRequired pattern
    // never matched and a missing "type" was reported as malformed JSON (json.syntax).
    [Fact]
    public void Parse_WithoutARequiredProperty_ReportsWhichPropertyIsMissing()
    {
        var problem = Assert.Single(ParseForm("""{ "key": "f1", "name": "F", "fields": [ { "key": "a" } ] }""").Problems);

        Assert.Equal("$.fields[0]", problem.Path);
        Assert.Equal("json.missingProperty", problem.Code);
        Assert.Contains("'type'", problem.Message, StringComparison.Ordinal);
    }

    // Regression: null for a property that may not be null was reported as "The JSON is not well formed" (json.syntax).
    [Fact]
    public void Parse_WithNullForARequiredProperty_DoesNotCallTheJsonMalformed()
    {
        var problem = Assert.Single(ParseForm("""{ "key": "f1", "name": null }""").Problems);

        Assert.Equal("$.name", problem.Path);
        Assert.NotEqual("json.syntax", problem.Code);
        Assert.DoesNotContain("not well formed", problem.Message, StringComparison.Ordinal);
    }

    // Regression: a property written twice parsed with the last value winning, so the first was silently lost.
    [Fact]
    public void Parse_WithAPropertyWrittenTwice_ReportsTheDuplicateAtItsPath()
    {
        var result = ParseForm("""{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text", "visibleWhen": "x", "visibleWhen": "y" } ] }""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.fields[0].visibleWhen", "json.duplicateProperty"), (problem.Path, problem.Code));
        Assert.Contains("'visibleWhen'", problem.Message, StringComparison.Ordinal);
    }

    // Regression: System.Text.Json does not apply nullability to list elements or dictionary values, so null items
    // parsed and the validators then failed with a NullReferenceException instead of a problem at a path.
    [Theory]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "fields": [ null ] }""", "$.fields[0]")]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "select", "options": [ null ] } ] }""", "$.fields[0].options[0]")]
    [InlineData(DefinitionKind.Form, """{ "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text" } ], "validations": [ null ] }""", "$.validations[0]")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ null ] }""", "$.steps[0]")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "script", "set": [ null ] } ] }""", "$.steps[0].set[0]")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "parallelSplit", "branches": [ null, "b" ] } ] }""", "$.steps[0].branches[0]")]
    [InlineData(DefinitionKind.Process, """{ "key": "p1", "name": "P", "steps": [ { "key": "a", "type": "approval", "transitions": { "rejected": null } } ] }""", "$.steps[0].transitions.rejected")]
    [InlineData(DefinitionKind.RuleSet, """{ "key": "r1", "name": "R", "rules": [ null ] }""", "$.rules[0]")]
    [InlineData(DefinitionKind.RuleSet, """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ null ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "$.rules[0].when[0]")]
    [InlineData(DefinitionKind.RuleSet, """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "then": [ null ] } ] }""", "$.rules[0].then[0]")]
    [InlineData(DefinitionKind.RuleSet, """{ "key": "r1", "name": "R", "rules": [ { "name": "a", "when": [ { "exists": { "fact": "task", "where": [ null ] } } ], "then": [ { "type": "goTo", "step": "b" } ] } ] }""", "$.rules[0].when[0].exists.where[0]")]
    public void Parse_WithNullInAListOrMap_ReportsItAtItsPath(DefinitionKind kind, string json, string path)
    {
        var result = DefinitionJson.Parse(kind, json);

        Assert.False(result.Succeeded, "null inside a list or map should not parse");
        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, "json.nullNotAllowed"), (problem.Path, problem.Code));
    }

    // Regression: a null inside a list or map was reported with its path but without the line and column every other
    // read error carries.
    [Theory]
    [InlineData(DefinitionKind.Process, "{\n  \"key\": \"p1\",\n  \"name\": \"P\",\n  \"steps\": [\n    { \"key\": \"a\", \"type\": \"end\" },\n    null\n  ]\n}", "$.steps[1]", 6, 5)]
    [InlineData(DefinitionKind.Process, "{ \"key\": \"p1\", \"name\": \"P\",\r\n  \"steps\": [ { \"key\": \"a\", \"type\": \"approval\",\r\n    \"transitions\": { \"rejected\": null } } ] }", "$.steps[0].transitions.rejected", 3, 34)]
    [InlineData(DefinitionKind.RuleSet, "// rules\n{ \"key\": \"r1\", \"name\": \"R\", \"rules\": [ { \"name\": \"a\", \"when\": [ { \"path\": \"x\", \"op\": \"==\", \"value\": null }, null ], \"then\": [ { \"type\": \"goTo\", \"step\": \"b\" } ] } ] }", "$.rules[0].when[1]", 2, 109)]
    public void Parse_WithNullInAListOrMap_ReportsItsLineAndColumn(DefinitionKind kind, string json, string path, int line, int column)
    {
        var problem = Assert.Single(DefinitionJson.Parse(kind, json).Problems);

        Assert.Equal((path, "json.nullNotAllowed"), (problem.Path, problem.Code));
        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Equal("null", json.Split('\n')[line - 1].Substring(column - 1, 4));
    }

    [Fact]
    public void Parse_WithNullInAListAndMalformedTextAfterIt_ReportsTheSyntaxError()
    {
        var problem = Assert.Single(ParseForm("""{ "key": "f1", "name": "F", "fields": [ null ], }""").Problems);

        Assert.Equal("json.syntax", problem.Code);
    }

    [Theory]
    [InlineData("""{ "key": "f1", "name": "F", }""", 1)]
    [InlineData("{ \"key\": \"f1\",\n  \"name\": \"F\"", 2)]
    [InlineData("{ \"key\": \"f1\",\n\n  \"name\": 'F' }", 3)]
    public void Parse_WithMalformedJson_ReportsSyntaxWithLineAndColumn(string json, int line)
    {
        var problem = Assert.Single(ParseForm(json).Problems);

        Assert.Equal("json.syntax", problem.Code);
        Assert.Equal(line, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains("not well formed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OfTheLiteralNull_SaysADefinitionWasExpected()
    {
        var problem = Assert.Single(ParseForm("null").Problems);

        Assert.Equal(("$", "json.null"), (problem.Path, problem.Code));
        Assert.Contains("form definition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OfAList_ReportsWrongTypeAtTheRoot()
    {
        var problem = Assert.Single(ParseForm("[]").Problems);

        Assert.Equal(("$", "json.wrongType"), (problem.Path, problem.Code));
    }

    [Fact]
    public void Parse_SkipsComments()
    {
        var result = ParseForm("""
            {
              // authors may leave notes
              "key": "f1", "name": "F", "fields": [ { "key": "a", "type": "text" } ]
            }
            """);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void ParseOfT_ThrowsFormatExceptionCarryingTheProblems()
    {
        var exception = Assert.Throws<FormatException>(() => DefinitionJson.Parse<FormDefinition>("""{ "key": "f1", "name": "F", "colour": 1 }"""));

        Assert.Contains("$.colour", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WritesCamelCaseAndLeavesOutNullsDefaultsAndEmptyLists()
    {
        var form = new FormDefinition
        {
            Key = "f1",
            Name = "F",
            Fields = [new FieldDefinition { Key = "a", Type = "text", Required = false }],
        };

        var json = JsonNode.Parse(DefinitionJson.Serialize(form))!.AsObject();

        Assert.Equal(["key", "name", "fields"], json.Select(p => p.Key));
        Assert.Equal(["key", "type"], json["fields"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Serialize_LeavesOutZeroSalienceFalseDisabledAndEmptyTransitions()
    {
        var ruleSet = new RuleSetDefinition
        {
            Key = "r1",
            Name = "R",
            Rules = [new RuleDefinition { Name = "a", Then = [new ActionDefinition { Type = "goTo", Step = "done" }] }],
        };
        var process = new ProcessDefinition { Key = "p1", Name = "P", Steps = [new StepDefinition { Key = "done", Type = "end" }] };

        var rule = JsonNode.Parse(DefinitionJson.Serialize(ruleSet))!["rules"]![0]!.AsObject();
        var step = JsonNode.Parse(DefinitionJson.Serialize(process))!["steps"]![0]!.AsObject();

        Assert.Equal(["name", "then"], rule.Select(p => p.Key));
        Assert.Equal(["key", "type"], step.Select(p => p.Key));
    }

    [Fact]
    public void Serialize_WritesTheSchemaReferenceAsDollarSchema()
    {
        var form = new FormDefinition { Schema = "../../docs/schema/form.schema.json", Key = "f1", Name = "F" };

        var json = JsonNode.Parse(DefinitionJson.Serialize(form))!;

        Assert.Equal("../../docs/schema/form.schema.json", (string?)json["$schema"]);
    }

    [Fact]
    public void RoundTrip_KeepsLiteralValuesOfEveryJsonKind()
    {
        const string json = """
            {
              "key": "r1",
              "name": "R",
              "rules": [
                {
                  "name": "a",
                  "salience": -5,
                  "disabled": true,
                  "when": [
                    { "path": "country", "op": "in", "value": [ "PA", "KY" ] },
                    { "path": "total", "op": "between", "value": [ 0.5, 1000 ] },
                    { "path": "urgent", "op": "==", "value": true },
                    { "path": "meta", "op": "==", "value": { "a": null } }
                  ],
                  "then": [ { "type": "setData", "path": "level", "value": 2 } ]
                }
              ]
            }
            """;

        var ruleSet = DefinitionJson.Parse<RuleSetDefinition>(json)!;
        var written = DefinitionJson.Serialize(ruleSet);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
        Assert.Equal(JsonValueKind.Array, ruleSet.Rules[0].When[0].Value!.Value.ValueKind);
    }

    [Fact]
    public void Serialize_OfNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DefinitionJson.Serialize(null!));
    }
}
