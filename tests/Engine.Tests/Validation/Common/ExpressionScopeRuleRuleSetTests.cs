using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Tests.Routing;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class ExpressionScopeRuleRuleSetTests
{
    private static readonly SandboxExpressionChecker Sandbox = new(ExpressionCompiler.Default);

    private static readonly FormDefinition Claim = Parse<FormDefinition>("""
        { "key": "claim", "name": "Claim", "fields": [
          { "key": "total", "type": "number" }, { "key": "employeeName", "type": "text" },
          { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" } ] } ] }
        """);

    private static readonly ProcessDefinition Approval = Process("""
        [ { "key": "submit", "type": "formTask", "form": "claim", "assignee": { "role": "r" }, "next": "book" },
          { "key": "book", "type": "script", "set": [ { "path": "bookedOn.date", "expression": "today()" } ], "next": "done" },
          { "key": "done", "type": "end" } ]
        """, ruleSet: "test-rules");

    private static IReadOnlyList<ValidationProblem> Check(RuleSetDefinition ruleSet, params IDefinition[] others) =>
        RuleRunner.RunCommon(new ExpressionScopeRule(), ruleSet, Catalog([Claim, Approval, .. others]), Sandbox);

    [Fact]
    public void ConditionExpression_ReadsTheProcessFormsFields_AndReportsATypo()
    {
        var problem = ProblemAssert.Single(Check(When("""[ { "expression": "totl > 1000" } ]""")), "$.rules[0].when[0].expression", "expression.unknownName");

        Assert.Equal(
            "Line 1, column 1 of the expression: 'totl' is not a data field of process 'test-process' (its forms' fields and what its steps and rules set) "
            + "or a fact bound here (event, data). Did you mean 'total'? Available: bookedOn, data, employeeName, event, lines, total.",
            problem.Message);
    }

    [Fact]
    public void ConditionExpression_SeesTheEventAndDataFacts_AndDataWrittenByStepsAndRules()
    {
        var ruleSet = RuleSet("""
            [ { "name": "a", "when": [ { "expression": "event.outcome === 'approved' && data.total > 5 && !isEmpty(bookedOn) && flagged" } ], "then": [ { "type": "goTo", "step": "done" } ] },
              { "name": "b", "then": [ { "type": "setData", "path": "flagged", "value": true } ] } ]
            """);

        ProblemAssert.None(Check(ruleSet));
    }

    [Fact]
    public void ConditionExpression_DoesNotSeeFactsBoundAfterTheDataPattern()
    {
        var ruleSet = When("""[ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" }, { "expression": "task.step === 'submit'" } ]""");

        ProblemAssert.Single(Check(ruleSet), "$.rules[0].when[1].expression", "expression.unknownName");
    }

    [Fact]
    public void ConditionExpressionReadingTask_FailsAtRunTimeToo()
    {
        var compiled = RoutingTestSupport.Compile(When("""[ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" }, { "expression": "task.step === 'submit'" } ]"""));

        var failure = Record.Exception(() => RoutingDecider.Decide(compiled, JsonNode.Parse("""{ "total": 5 }""")!.AsObject(), new RoutingEvent("taskCompleted", "submit", "approved")));

        Assert.NotNull(failure);
        Assert.Contains("task", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActionExpression_SeesEveryFactTheRuleBinds()
    {
        var ruleSet = RuleSet("""
            [ { "name": "r", "when": [ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" } ],
                "then": [ { "type": "setData", "path": "note", "expression": "employeeName + task.outcome + event.type + data.total" },
                          { "type": "notify", "assignee": { "role": "x" }, "expression": "'Claim of ' + employeName" } ] } ]
            """);

        var problem = ProblemAssert.Single(Check(ruleSet), "$.rules[0].then[1].expression", "expression.unknownName");

        Assert.Contains("or a fact bound here (event, data, task).", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'employeeName'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionExpressionReadingTask_RunsWhenTheRuleBindsTask()
    {
        var compiled = RoutingTestSupport.Compile(RuleSet("""
            [ { "name": "r", "when": [ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" } ],
                "then": [ { "type": "setData", "path": "note", "expression": "task.outcome + ' ' + event.type + ' ' + total" } ] } ]
            """));

        var decision = RoutingDecider.Decide(compiled, JsonNode.Parse("""{ "total": 5 }""")!.AsObject(), new RoutingEvent("taskCompleted", "submit", "approved"));

        Assert.Equal("approved taskCompleted 5", decision.Data["note"]!.GetValue<string>());
    }

    [Fact]
    public void NotAndExistsExpressions_SeeTheTestedFactsFields()
    {
        var ruleSet = When("""
            [ { "not": { "fact": "task", "where": [ { "expression": "outcome === 'rejected' && step !== 'x' && total > 0" } ] } },
              { "exists": { "fact": "event", "where": [ { "expression": "type === 'slaBreached' && outcom === 'x'" } ] } },
              { "exists": { "fact": "data", "where": [ { "expression": "total > 0" } ] } } ]
            """);

        var problem = ProblemAssert.Single(Check(ruleSet), "$.rules[0].when[1].exists.where[0].expression", "expression.unknownName");

        Assert.StartsWith("Line 1, column 27 of the expression: 'outcom' is not a field of the tested 'event' fact (type, step, outcome), a data field of", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'outcome'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionAndInstanceFacts_HaveFieldsUnknownAtSaveTime_SoTheirExpressionsAreNotChecked()
    {
        var ruleSet = When("""
            [ { "exists": { "fact": "exception", "where": [ { "expression": "code === 'FRAUD' && open" } ] } },
              { "not": { "fact": "instance", "where": [ { "expression": "anything > 1" } ] } } ]
            """);

        ProblemAssert.None(Check(ruleSet));
    }

    [Fact]
    public void TableColumn_ReadByARule_SaysWhichFormsTableItIsIn()
    {
        var problem = ProblemAssert.Single(Check(When("""[ { "expression": "amount > 5000" } ]""")), "$.rules[0].when[0].expression", "expression.unknownName");

        Assert.Contains("'amount' is a column of the repeating group 'lines', so only that table's own fields read it directly; elsewhere use e.g. sum(lines, 'amount') or lines[0].amount (form 'claim').", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetNoProcessUses_IsNotChecked()
    {
        var problems = RuleRunner.RunCommon(new ExpressionScopeRule(), When("""[ { "expression": "totl > 1000" } ]"""), Catalog(Claim), Sandbox);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void ProcessWhoseFormTheCatalogCannotProvide_LeavesTheRuleSetUnchecked()
    {
        var problems = RuleRunner.RunCommon(new ExpressionScopeRule(), When("""[ { "expression": "totl > 1000" } ]"""), Catalog(Approval), Sandbox);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void CatalogThatCannotFindForms_LeavesTheRuleSetUnchecked()
    {
        var problems = RuleRunner.RunCommon(new ExpressionScopeRule(), When("""[ { "expression": "totl > 1000" } ]"""), new KeysOnlyCatalog(Catalog(Claim, Approval)), Sandbox);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void RuleSetUsedByTwoProcesses_AcceptsANameEitherProvides()
    {
        var review = Parse<FormDefinition>("""{ "key": "review", "name": "Review", "fields": [ { "key": "verdict", "type": "text" } ] }""");
        var other = Parse<ProcessDefinition>("""
            { "key": "other-process", "name": "Other", "ruleSet": "test-rules", "steps": [
              { "key": "check", "type": "formTask", "form": "review", "assignee": { "role": "r" }, "next": "done" }, { "key": "done", "type": "end" } ] }
            """);

        var problems = Check(When("""[ { "expression": "total > 5 || verdict === 'ok' || verdcit === 'x'" } ]"""), review, other);

        var problem = ProblemAssert.Single(problems, "$.rules[0].when[0].expression", "expression.unknownName");
        Assert.Contains("a data field of the processes 'test-process', 'other-process'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingAProcess_ChecksItsRuleSetAgainstTheProcessesData()
    {
        var problems = RuleRunner.RunCommon(new ExpressionScopeRule(), Approval, Catalog(Claim, When("""[ { "expression": "totl > 1000" } ]""")), Sandbox);

        var problem = ProblemAssert.Single(problems, "$.ruleSet", "expression.unknownName");
        Assert.StartsWith(
            "Rule set 'test-rules' at $.rules[0].when[0].expression, line 1, column 1 of the expression: 'totl' is not a data field of process 'test-process'",
            problem.Message,
            StringComparison.Ordinal);
        Assert.Contains("Did you mean 'total'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingAProcess_UsesItsNewStepsRatherThanTheCatalogsCopy()
    {
        var withoutForm = Process("""[ { "key": "book", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "next": "done" }, { "key": "done", "type": "end" } ]""", ruleSet: "test-rules");
        var catalog = Catalog(Claim, Approval, When("""[ { "expression": "total > 1000" } ]"""));

        ProblemAssert.None(RuleRunner.RunCommon(new ExpressionScopeRule(), Approval, catalog, Sandbox));
        ProblemAssert.Single(RuleRunner.RunCommon(new ExpressionScopeRule(), withoutForm, catalog, Sandbox), "$.ruleSet", "expression.unknownName");
    }

    [Fact]
    public void SavingAProcessWithoutARuleSetInTheCatalog_ChecksNothing()
    {
        ProblemAssert.None(RuleRunner.RunCommon(new ExpressionScopeRule(), Approval, Catalog(Claim), Sandbox));
    }

    /// <summary>A catalog written before forms could be looked up: it knows keys only.</summary>
    private sealed class KeysOnlyCatalog(IDefinitionCatalog inner) : IDefinitionCatalog
    {
        public bool HasForm(string key) => inner.HasForm(key);

        public bool HasRuleSet(string key) => inner.HasRuleSet(key);

        public RuleSetDefinition? FindRuleSet(string key) => inner.FindRuleSet(key);

        public IReadOnlyList<ProcessDefinition> ProcessesUsing(string ruleSetKey) => inner.ProcessesUsing(ruleSetKey);
    }
}
