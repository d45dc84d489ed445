using LowCode.Engine.Validation;
using LowCode.Engine.Validation.RuleSets;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.RuleSets;

public sealed class ActionShapeRuleTests
{
    private static IReadOnlyList<ValidationProblem> Check(string thenJson) => RuleRunner.Run(new ActionShapeRule(), Then(thenJson));

    [Fact]
    public void ActionsOfEveryTypeWithTheirProperties_HaveNoProblems()
    {
        var problems = Check("""
            [
              { "type": "setData", "path": "level", "value": "finance" },
              { "type": "setData", "path": "reviewedOn", "expression": "today()" },
              { "type": "assign", "assignee": { "role": "finance-lead" } },
              { "type": "raiseException", "code": "LATE", "message": "Late.", "severity": "warning" },
              { "type": "resolveException", "code": "LATE" },
              { "type": "notify", "assignee": { "role": "finance" }, "message": "Look at this." },
              { "type": "notify", "assignee": { "user": "ann" }, "expression": "'Claim of ' + total" },
              { "type": "callWebhook", "webhook": { "url": "https://example.com/hook" } },
              { "type": "goTo", "step": "done" }
            ]
            """);

        ProblemAssert.None(problems);
    }

    [Theory]
    [InlineData("""{ "type": "goTo" }""", "$.rules[0].then[0].step")]
    [InlineData("""{ "type": "setData", "value": 1 }""", "$.rules[0].then[0].path")]
    [InlineData("""{ "type": "assign" }""", "$.rules[0].then[0].assignee")]
    [InlineData("""{ "type": "raiseException", "message": "m" }""", "$.rules[0].then[0].code")]
    [InlineData("""{ "type": "raiseException", "code": "C" }""", "$.rules[0].then[0].message")]
    [InlineData("""{ "type": "resolveException" }""", "$.rules[0].then[0].code")]
    [InlineData("""{ "type": "notify", "message": "m" }""", "$.rules[0].then[0].assignee")]
    [InlineData("""{ "type": "notify", "assignee": { "role": "r" } }""", "$.rules[0].then[0].message")]
    [InlineData("""{ "type": "callWebhook" }""", "$.rules[0].then[0].webhook")]
    public void ActionMissingAPropertyItsTypeNeeds_IsReportedAtThatProperty(string actionJson, string path)
    {
        var problem = ProblemAssert.Single(Check($"[ {actionJson} ]"), path, "action.missingProperty");

        Assert.Contains("e.g.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "setData", "path": "x" }""")]
    [InlineData("""{ "type": "setData", "path": "x", "value": 1, "expression": "2" }""")]
    public void SetDataWithoutExactlyOneOfValueAndExpression_IsReportedAtValue(string actionJson)
    {
        ProblemAssert.Single(Check($"[ {actionJson} ]"), "$.rules[0].then[0].value", "action.valueShape");
    }

    [Fact]
    public void UnknownSeverity_IsReported()
    {
        ProblemAssert.Single(Check("""[ { "type": "raiseException", "code": "C", "message": "m", "severity": "critical" } ]"""), "$.rules[0].then[0].severity", "action.severity");
    }

    [Theory]
    [InlineData("goto", "goTo")]
    [InlineData("setdata", "setData")]
    [InlineData("raiseExeption", "raiseException")]
    public void MisspeltActionType_IsReportedWithADidYouMeanHint(string type, string suggested)
    {
        var problem = ProblemAssert.Single(Check($$"""[ { "type": "{{type}}", "step": "done" } ]"""), "$.rules[0].then[0].type", "action.unknownType");

        Assert.Contains($"Did you mean '{suggested}'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleThatRoutesTwice_IsReportedAtThen()
    {
        ProblemAssert.Single(Check("""[ { "type": "goTo", "step": "a" }, { "type": "goTo", "step": "b" } ]"""), "$.rules[0].then", "rule.manyRoutes");
    }

    [Fact]
    public void ActionsOfLaterRules_AreReportedAtTheirOwnIndex()
    {
        var ruleSet = RuleSet("""
            [
              { "name": "a", "then": [ { "type": "goTo", "step": "done" } ] },
              { "name": "b", "then": [ { "type": "notify", "assignee": { "role": "r" }, "message": "m" }, { "type": "assign" } ] }
            ]
            """);

        ProblemAssert.Single(RuleRunner.Run(new ActionShapeRule(), ruleSet), "$.rules[1].then[1].assignee", "action.missingProperty");
    }

    [Theory]
    [InlineData("""{ "type": "goTo", "step": "done", "message": "Off to the end" }""", "$.rules[0].then[0].message", "'step'", "raiseException, notify")]
    [InlineData("""{ "type": "setData", "path": "level", "value": 2, "assignee": { "role": "finance" } }""", "$.rules[0].then[0].assignee", "'path', 'value', 'expression'", "assign, notify")]
    [InlineData("""{ "type": "assign", "assignee": { "role": "finance" }, "step": "review" }""", "$.rules[0].then[0].step", "'assignee'", "goTo")]
    [InlineData("""{ "type": "raiseException", "code": "C", "message": "m", "expression": "total" }""", "$.rules[0].then[0].expression", "'code', 'message', 'severity'", "setData, notify")]
    [InlineData("""{ "type": "resolveException", "code": "C", "severity": "warning" }""", "$.rules[0].then[0].severity", "'code'", "raiseException")]
    [InlineData("""{ "type": "notify", "assignee": { "role": "r" }, "message": "m", "webhook": { "url": "https://example.com/hook" } }""", "$.rules[0].then[0].webhook", "'assignee', 'message', 'expression'", "callWebhook")]
    [InlineData("""{ "type": "callWebhook", "webhook": { "url": "https://example.com/hook" }, "path": "sent" }""", "$.rules[0].then[0].path", "'webhook'", "setData")]
    public void PropertyItsActionTypeDoesNotUse_IsReportedWithWhatTheTypeUsesAndWhereThePropertyBelongs(string actionJson, string path, string uses, string owners)
    {
        var problem = ProblemAssert.Single(Check($"[ {actionJson} ]"), path, "action.propertyNotApplicable");

        Assert.Contains($"uses only {uses};", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"belongs to {owners} actions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionOfAnUnknownType_IsNotAlsoReportedForItsProperties()
    {
        ProblemAssert.Single(Check("""[ { "type": "route", "step": "done", "message": "m" } ]"""), "$.rules[0].then[0].type", "action.unknownType");
    }
}
