using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void BadForm_ReportsEveryProblemFromEveryRuleInOneGo()
    {
        var form = Parse<FormDefinition>("""
            {
              "key": "Bad Form",
              "name": "Bad",
              "fields": [
                { "key": "amount", "type": "number", "min": 10, "max": 1 },
                { "key": "amount", "type": "txt" },
                { "key": "colour", "type": "select", "visibleWhen": "" }
              ],
              "validations": [ { "key": "v", "expression": "true", "message": "m", "fields": [ "colour", "size" ] } ]
            }
            """);

        var problems = new DefinitionValidator().Validate(form);

        Assert.Equal(
            [
                ("$.fields[0].min", "field.minAboveMax"),
                ("$.fields[1].key", "field.duplicateKey"),
                ("$.fields[1].type", "field.unknownType"),
                ("$.fields[2].options", "field.optionsMissing"),
                ("$.fields[2].visibleWhen", "expression.empty"),
                ("$.key", "key.format"),
                ("$.validations[0].fields[1]", "validation.unknownField"),
            ],
            problems.Select(p => (p.Path, p.Code)).Order());
    }

    [Fact]
    public void Problems_ComeBackOrderedByPath()
    {
        var process = Parse<ProcessDefinition>("""
            { "key": "p", "name": "P", "sla": "soon", "steps": [ { "key": "a", "type": "nope", "next": "b" }, { "key": "done", "type": "end" } ] }
            """);

        var paths = new DefinitionValidator().Validate(process).Select(p => p.Path).ToList();

        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.Contains("$.key", paths);
        Assert.Contains("$.sla", paths);
        Assert.Contains("$.steps[0].type", paths);
        Assert.Contains("$.steps[0].next", paths);
    }

    // Regression: ordinal ordering puts $.steps[10] before $.steps[2]; authors read problems top to bottom.
    [Fact]
    public void Problems_ComeBackInDocumentOrderEvenPastTenItems()
    {
        var steps = string.Join(", ", Enumerable.Range(0, 11).Select(i => $$"""{ "key": "s{{i}}", "type": "timer", "duration": "bad", "next": "done" }"""));
        var process = Parse<ProcessDefinition>($$"""{ "key": "p", "name": "P", "steps": [ {{steps}}, { "key": "done", "type": "end" } ] }""");

        var paths = new DefinitionValidator().Validate(process).Where(p => p.Code == "duration.format").Select(p => p.Path).ToList();

        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"$.steps[{i}].duration"), paths);
    }

    [Fact]
    public void ExpressionChecker_IsHandedToTheExpressionRule()
    {
        var form = Form("""[ { "key": "a", "type": "text", "visibleWhen": "let x = 1" } ]""");

        var problems = new DefinitionValidator(new RejectsLet()).Validate(form);

        ProblemAssert.Single(problems, "$.fields[0].visibleWhen", "expression.syntax");
    }

    [Fact]
    public void ProcessAlone_FailsItsReferences_ButPassesWithACatalogThatHoldsThem()
    {
        var form = Form("""[ { "key": "a", "type": "text" } ]""");
        var rules = RuleSet("""[ { "name": "r", "then": [ { "type": "goTo", "step": "done" } ] } ]""", key: "routing");
        var process = Process("""[ { "key": "fill", "type": "formTask", "form": "test-form", "assignee": { "role": "clerk" }, "next": "done" }, { "key": "done", "type": "end" } ]""", "routing");

        var alone = new DefinitionValidator().Validate(process);
        var withCatalog = new DefinitionValidator().Validate(process, Catalog(form, rules));

        ProblemAssert.Contains(alone, "$.steps[0].form", "step.unknownForm");
        ProblemAssert.Contains(alone, "$.ruleSet", "process.unknownRuleSet");
        ProblemAssert.None(withCatalog);
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "select", "options": [ { "value": "x" } ], "default": "x" }""")]
    [InlineData("""{ "key": "a", "type": "multiselect", "options": [ { "value": "x" }, { "value": "y" } ], "default": [ "x", "y" ] }""")]
    [InlineData("""{ "key": "a", "type": "number", "default": 5 }""")]
    [InlineData("""{ "key": "a", "type": "boolean", "default": true }""")]
    [InlineData("""{ "key": "a", "type": "text", "default": "hello" }""")]
    public void DefaultTheFieldCanHold_HasNoProblems(string fieldJson)
    {
        ProblemAssert.None(new DefinitionValidator().Validate(Form($"[ {fieldJson} ]")));
    }

    // Regression: 'default' is never checked, so a form can start with a value its own field rejects.
    [Theory]
    [InlineData("""{ "key": "a", "type": "select", "options": [ { "value": "x" } ], "default": "z" }""")]
    [InlineData("""{ "key": "a", "type": "multiselect", "options": [ { "value": "x" } ], "default": [ "x", "z" ] }""")]
    [InlineData("""{ "key": "a", "type": "number", "default": "ten" }""")]
    [InlineData("""{ "key": "a", "type": "number", "min": 1, "max": 5, "default": 9 }""")]
    [InlineData("""{ "key": "a", "type": "boolean", "default": "yes" }""")]
    public void DefaultTheFieldCouldNeverHold_IsReportedAtDefault(string fieldJson)
    {
        var problems = new DefinitionValidator().Validate(Form($"[ {fieldJson} ]"));

        Assert.True(problems.Any(p => p.Path == "$.fields[0].default"), $"Expected a problem at $.fields[0].default, found:{Environment.NewLine}{ProblemAssert.Describe(problems)}");
    }

    // Regression: a parallelJoin waits for the branches of its split; with no split in the process it can never complete.
    [Fact]
    public void ParallelJoinInAProcessWithoutAParallelSplit_IsReported()
    {
        var process = Process("""
            [
              { "key": "fill", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problems = new DefinitionValidator().Validate(process);

        Assert.True(
            problems.Any(p => p.Path == "$.steps[1]" || p.Path.StartsWith("$.steps[1].", StringComparison.Ordinal)),
            $"Expected a problem at the join $.steps[1], found:{Environment.NewLine}{ProblemAssert.Describe(problems)}");
    }

    // Regression: reachability is only checked from the start; a loop with no way on to an end traps every
    // instance that enters it, yet each step in it has a 'next', so nothing is reported.
    [Fact]
    public void LoopWithNoWayToAnEnd_IsReported()
    {
        var process = Process("""
            [
              { "key": "triage", "type": "approval", "assignee": { "role": "clerk" }, "next": "review", "transitions": { "trivial": "done" } },
              { "key": "review", "type": "approval", "assignee": { "role": "clerk" }, "next": "recheck" },
              { "key": "recheck", "type": "approval", "assignee": { "role": "clerk" }, "next": "review" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problems = new DefinitionValidator().Validate(process);

        Assert.True(
            problems.Any(p => p.Path is "$.steps[1]" or "$.steps[2]" || p.Path.StartsWith("$.steps[1].", StringComparison.Ordinal) || p.Path.StartsWith("$.steps[2].", StringComparison.Ordinal)),
            $"Expected a problem at the trapped steps $.steps[1] or $.steps[2], found:{Environment.NewLine}{ProblemAssert.Describe(problems)}");
    }

    private sealed class RejectsLet : IExpressionSyntaxChecker
    {
        public IReadOnlyList<ExpressionSyntaxError> Check(string source) =>
            source.StartsWith("let ", StringComparison.Ordinal) ? [new ExpressionSyntaxError(1, 1, "'let' is not supported.")] : [];
    }
}
