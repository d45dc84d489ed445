using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Benchmarks.Peers;

/// <summary>
/// A seed-like routing rule set of 10 rules, shaped as the Engine's RuleSetMapper shapes one: an <c>event</c>
/// pattern (type and step), a <c>task</c> pattern (outcome), a <c>data</c> pattern (structured conditions), routes
/// in the exclusive <c>route</c> group, some rules setting data. One decision inserts data, event and task.
/// </summary>
internal static class RoutingRuleSet
{
    private static readonly string[] Steps = ["submit", "managerApproval", "financeReview", "kycReview", "approvalsDone"];

    public static RuleSetDefinition Build()
    {
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < 10; i++)
        {
            var step = Steps[i % Steps.Length];
            List<RuleElement> conditions =
            [
                new PatternElement("event", "event", [
                    new FieldCondition("type", ConditionOperator.Equal, Operand.Constant("taskCompleted")),
                    new FieldCondition("step", ConditionOperator.In, Operand.Constant(new List<object?> { step })),
                ]),
                new PatternElement("task", "task", [new FieldCondition("outcome", ConditionOperator.Equal, Operand.Constant(i % 3 == 2 ? "rejected" : "approved"))]),
                new PatternElement("data", "data", i % 2 == 0
                    ? [new FieldCondition("total", ConditionOperator.GreaterThan, Operand.Constant(250L * i))]
                    : [new FieldCondition("country", ConditionOperator.In, Operand.Constant(new List<object?> { "NL", "DE", "FR" })), new FieldCondition("total", ConditionOperator.LessThanOrEqual, Operand.Constant(5000L))]),
            ];
            List<ActionElement> actions = i % 4 == 1
                ? [new SetAction("data", "level", Operand.Constant($"level-{i}"))]
                : [new EmitAction("goTo", new Dictionary<string, Operand> { ["step"] = Operand.Constant($"next-{i}") })];
            rules.Add(new RuleDefinition($"route-{i}", 10 * (i % 5), conditions, actions)
            {
                ExclusiveGroup = actions[0] is EmitAction ? "route" : null,
            });
        }

        return new RuleSetDefinition("routing-10", 1, rules);
    }

    /// <summary>The facts of one decision at <c>managerApproval</c>, where four rules match and two routes compete.</summary>
    public static Fact[] DecisionFacts() =>
    [
        Fact.Parse("data", """{ "total": 1500, "country": "NL", "riskRating": "low" }""", id: "data"),
        new Fact("event", [new("type", "taskCompleted"), new("step", "managerApproval"), new("outcome", "approved")], id: "event"),
        new Fact("task", [new("step", "managerApproval"), new("outcome", "approved")], id: "task"),
    ];
}
