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

    // Regression: ordinal ordering put $.steps[10] before $.steps[2]; authors read problems top to bottom.
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

    private sealed class RejectsLet : IExpressionSyntaxChecker
    {
        public IReadOnlyList<ExpressionSyntaxError> Check(string source) =>
            source.StartsWith("let ", StringComparison.Ordinal) ? [new ExpressionSyntaxError(1, 1, "'let' is not supported.")] : [];
    }
}
