using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class ConditionPathRuleTests
{
    private static readonly FormDefinition Claim = Parse<FormDefinition>("""
        { "key": "claim", "name": "Claim", "fields": [
          { "key": "total", "type": "number" }, { "key": "employeeName", "type": "text" },
          { "key": "customer", "type": "group", "fields": [ { "key": "country", "type": "text" } ] },
          { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] } ] }
        """);

    private static readonly ProcessDefinition Approval = Process("""
        [ { "key": "submit", "type": "formTask", "form": "claim", "assignee": { "role": "r" }, "next": "book" },
          { "key": "book", "type": "script", "set": [ { "path": "bookedOn.date", "expression": "today()" } ], "next": "done" },
          { "key": "done", "type": "end" } ]
        """, ruleSet: "test-rules");

    private static IReadOnlyList<ValidationProblem> Check(RuleSetDefinition ruleSet) =>
        RuleRunner.RunCommon(new ConditionPathRule(), ruleSet, Catalog(Claim, Approval));

    [Fact]
    public void StructuredConditionOnATypoedPath_IsReportedAtItsPath_WithDidYouMean()
    {
        var problem = ProblemAssert.Single(Check(When("""[ { "path": "totl", "op": ">", "value": 1000 } ]""")), "$.rules[0].when[0].path", "condition.unknownPath");

        Assert.Equal(
            "'totl' is not a field of the instance data (the fields of the forms of the processes using this rule set, and what their steps and rules set), "
            + "so this condition would never hold. Did you mean 'total'? Available: bookedOn, country, employeeName, lines, total.",
            problem.Message);
    }

    [Fact]
    public void PathsIntoFormFields_StepWrites_AndRuleWrites_Pass()
    {
        var ruleSet = RuleSet("""
            [ { "name": "a", "when": [ { "path": "total", "op": ">", "value": 1 }, { "path": "country", "op": "==", "value": "NL" },
                                       { "path": "lines[0].amount", "op": ">", "value": 1 }, { "path": "bookedOn.date", "op": "isNotEmpty" },
                                       { "path": "flagged", "op": "==", "value": true } ],
                "then": [ { "type": "goTo", "step": "done" } ] },
              { "name": "b", "then": [ { "type": "setData", "path": "flagged", "value": true } ] } ]
            """);

        ProblemAssert.None(Check(ruleSet));
    }

    [Fact]
    public void OnlyTheFirstSegmentOfADottedPathIsChecked()
    {
        ProblemAssert.Single(Check(When("""[ { "path": "bookedOm.date", "op": "isNotEmpty" } ]""")), "$.rules[0].when[0].path", "condition.unknownPath");
        ProblemAssert.None(Check(When("""[ { "path": "bookedOn.anything", "op": "isNotEmpty" } ]""")));
    }

    [Fact]
    public void TableColumnAsAPath_SaysWhichTableItIsIn()
    {
        var problem = ProblemAssert.Single(Check(When("""[ { "path": "amount", "op": ">", "value": 5000 } ]""")), "$.rules[0].when[0].path", "condition.unknownPath");

        Assert.Contains("'amount' is a column of the repeating group 'lines'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupKeyAsAPath_SaysGroupsHoldNoValue()
    {
        var problem = ProblemAssert.Single(Check(When("""[ { "path": "customer.country", "op": "==", "value": "NL" } ]""")), "$.rules[0].when[0].path", "condition.unknownPath");

        Assert.Contains("'customer' is a group: it holds no value of its own", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskAndEventFacts_HaveFixedFields()
    {
        var ruleSet = When("""
            [ { "fact": "task", "path": "outcom", "op": "==", "value": "approved" },
              { "fact": "event", "path": "step", "op": "==", "value": "submit" } ]
            """);

        var problem = ProblemAssert.Single(Check(ruleSet), "$.rules[0].when[0].path", "condition.unknownPath");
        Assert.Equal("'outcom' is not a field of the 'task' fact, so this condition would never hold. Did you mean 'outcome'? Available: outcome, step.", problem.Message);
    }

    [Fact]
    public void WhereInsideNotAndExists_IsCheckedAgainstThePatternsFact()
    {
        var ruleSet = When("""
            [ { "not": { "fact": "task", "where": [ { "path": "outcome", "op": "==", "value": "rejected" }, { "path": "stp", "op": "==", "value": "x" } ] } },
              { "exists": { "fact": "data", "where": [ { "path": "totall", "op": ">", "value": 1 } ] } } ]
            """);

        var problems = Check(ruleSet);

        Assert.Equal(2, problems.Count);
        Assert.Contains("Did you mean 'step'?", ProblemAssert.Single([problems[0]], "$.rules[0].when[0].not.where[1].path", "condition.unknownPath").Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'total'?", ProblemAssert.Single([problems[1]], "$.rules[0].when[1].exists.where[0].path", "condition.unknownPath").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstanceAndExceptionFacts_HaveFieldsUnknownAtSaveTime_SoTheirPathsPass()
    {
        var ruleSet = When("""
            [ { "fact": "instance", "path": "anything", "op": "isNotEmpty" },
              { "exists": { "fact": "exception", "where": [ { "path": "code", "op": "==", "value": "X" } ] } } ]
            """);

        ProblemAssert.None(Check(ruleSet));
    }

    [Fact]
    public void RuleSetNoProcessUses_IsNotChecked()
    {
        ProblemAssert.None(RuleRunner.RunCommon(new ConditionPathRule(), When("""[ { "path": "totl", "op": ">", "value": 1000 } ]"""), Catalog(Claim)));
    }

    [Fact]
    public void SavingAProcessThatBindsTheRuleSet_ReportsAtItsRuleSet()
    {
        var problems = RuleRunner.RunCommon(new ConditionPathRule(), Approval, Catalog(Claim, When("""[ { "path": "totl", "op": ">", "value": 1000 } ]""")));

        var problem = ProblemAssert.Single(problems, "$.ruleSet", "condition.unknownPath");
        Assert.StartsWith("Rule set 'test-rules' at $.rules[0].when[0].path: 'totl' is not a field of the instance data", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'total'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFactName_IsReportedByTheShapeRule_NotTwice()
    {
        var ruleSet = When("""[ { "fact": "tsk", "path": "outcome", "op": "==", "value": "approved" } ]""");

        ProblemAssert.None(Check(ruleSet));
        var problem = ProblemAssert.Single(new DefinitionValidator().Validate(ruleSet, Catalog(Claim, Approval)), "$.rules[0].when[0].fact", "condition.unknownFact");
        Assert.Contains("Did you mean 'task'?", problem.Message, StringComparison.Ordinal);
    }
}
