using System.Text.Json.Nodes;
using LowCode.Engine.Routing;
using LowCode.Rules.Facts;

namespace LowCode.Engine.Tests.Routing;

public sealed class RoutingDeciderTests
{
    private static readonly Lazy<LowCode.Rules.Compilation.CompiledRuleSet> ExpenseRouting =
        new(() => RoutingTestSupport.Compile(RoutingTestSupport.SeedRuleSet("expense-approval", "expense-routing")));

    private static JsonObject Claim(double total, double largestLine = 100) => JsonNode.Parse($$"""
        {
          "employeeName": "Ada Lovelace",
          "currency": "EUR",
          "total": {{total}},
          "lines": [ { "amount": {{largestLine}} }, { "amount": 10 } ]
        }
        """)!.AsObject();

    [Fact]
    public void ApprovedClaimOverThreshold_GoesToFinance_AndRecordsTheLevel()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(1500), new RoutingEvent("taskCompleted", "managerApproval", "approved"));

        Assert.Equal("financeReview", decision.NextStep);
        Assert.Equal("large-claims-go-to-finance", decision.RoutedBy);
        Assert.Equal("finance", decision.Data["approvalLevel"]!.GetValue<string>());
        Assert.Equal("expense-routing", decision.RuleSet);
        Assert.Contains("large-claims-go-to-finance", decision.FiredRules);
    }

    [Fact]
    public void ApprovedClaimAtOrUnderThreshold_GoesToPayment()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(1000), new RoutingEvent("taskCompleted", "managerApproval", "approved"));

        Assert.Equal("payment", decision.NextStep);
        Assert.Equal("manager", decision.Data["approvalLevel"]!.GetValue<string>());
    }

    [Fact]
    public void DataChanges_NameOnlyTheKeysTheRulesSet_NormalisedAsTheRulesHoldThem()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(1500), new RoutingEvent("taskCompleted", "managerApproval", "approved"));

        Assert.Equal(["approvalLevel"], decision.DataChanges.Keys);
        Assert.Equal("\"finance\"", decision.DataChanges["approvalLevel"]);
        Assert.False(decision.DataBefore.ContainsKey("approvalLevel"));
        Assert.Equal(1500, decision.DataBefore["total"]!.GetValue<double>());
    }

    [Fact]
    public void DataChanges_AreEmpty_WhenNoRuleSetData()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(250), new RoutingEvent("slaBreached", "managerApproval"));

        Assert.Empty(decision.DataChanges);
    }

    [Fact]
    public void ManagerSlaBreach_EscalatesWithoutRouting_AndEvaluatesTheNotificationExpression()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(250), new RoutingEvent("slaBreached", "managerApproval"));

        Assert.Null(decision.NextStep);
        Assert.Contains(decision.Actions, a => a.Name == "assign" && (string?)a.Arguments["role"] == "finance-lead");
        Assert.Contains(decision.Actions, a => a.Name == "raiseException" && (string?)a.Arguments["code"] == "MANAGER_SLA_BREACHED");
        var notify = Assert.Single(decision.Actions, a => a.Name == "notify");
        Assert.Equal(
            "Expense claim of Ada Lovelace (250 EUR) waited more than 48 hours for its manager and is now yours.",
            notify.Arguments["value"]);
    }

    [Fact]
    public void DecisionWithOpenEscalation_ResolvesIt()
    {
        var exception = new Fact("exception", [new("code", "MANAGER_SLA_BREACHED"), new("open", true)], id: "ex-1");

        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(250), new RoutingEvent("taskCompleted", "managerApproval", "approved"), [exception]);

        Assert.Contains(decision.Actions, a => a.Name == "resolveException" && (string?)a.Arguments["code"] == "MANAGER_SLA_BREACHED");
        Assert.Equal("payment", decision.NextStep);
    }

    [Fact]
    public void ExpressionCondition_OverTableRows_RaisesPolicyException()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(6000, largestLine: 5500), new RoutingEvent("taskCompleted", "submit", "submitted"));

        Assert.Contains(decision.Actions, a => a.Name == "raiseException" && (string?)a.Arguments["code"] == "LINE_OVER_POLICY_LIMIT");
    }

    [Fact]
    public void CompetingRoutes_OnlyTheHighestSalienceFires_AndTheTraceSaysWhy()
    {
        var compiled = RoutingTestSupport.Compile(RoutingTestSupport.RuleSet("""
            [
              { "name": "big", "salience": 10, "when": [ { "path": "amount", "op": ">", "value": 100 } ], "then": [ { "type": "goTo", "step": "finance" } ] },
              { "name": "any", "salience": 1, "then": [ { "type": "goTo", "step": "manager" } ] }
            ]
            """));

        var decision = RoutingDecider.Decide(compiled, JsonNode.Parse("""{ "amount": 500 }""")!.AsObject(), new RoutingEvent("taskCompleted", "submit"));

        Assert.Equal("finance", decision.NextStep);
        Assert.Equal(["big"], decision.FiredRules.ToArray());
        Assert.Contains("LostToExclusiveGroup", decision.TraceJson, StringComparison.Ordinal);
        Assert.Contains("any", decision.TraceJson, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionInsideExists_SeesTheTestedFactsFields()
    {
        var compiled = RoutingTestSupport.Compile(RoutingTestSupport.RuleSet("""
            [ { "name": "hold", "when": [ { "exists": { "fact": "exception", "where": [ { "expression": "code === 'FRAUD' && open" } ] } } ],
                "then": [ { "type": "goTo", "step": "investigation" } ] } ]
            """));
        var data = JsonNode.Parse("""{ "amount": 5 }""")!.AsObject();
        var other = new Fact("exception", [new("code", "LATE"), new("open", true)], id: "ex-1");
        var fraud = new Fact("exception", [new("code", "FRAUD"), new("open", true)], id: "ex-2");

        var without = RoutingDecider.Decide(compiled, data, new RoutingEvent("taskCompleted", "review"), [other]);
        var with = RoutingDecider.Decide(compiled, data, new RoutingEvent("taskCompleted", "review"), [other, fraud]);

        Assert.Null(without.NextStep);
        Assert.Equal("investigation", with.NextStep);
    }

    [Fact]
    public void DataExpressionJoinedWithTask_IsEvaluatedPerDataFact()
    {
        var compiled = RoutingTestSupport.Compile(RoutingTestSupport.RuleSet("""
            [ { "name": "big", "when": [ { "expression": "amount > 100" }, { "fact": "task", "path": "outcome", "op": "==", "value": "approved" } ],
                "then": [ { "type": "goTo", "step": "finance" } ] } ]
            """));

        var decision = RoutingDecider.Decide(compiled, JsonNode.Parse("""{ "amount": 500 }""")!.AsObject(), new RoutingEvent("taskCompleted", "review", "approved"));

        Assert.Equal("finance", decision.NextStep);
    }

    [Fact]
    public void NoRuleMatches_LeavesTheRouteToTheProcessDefault()
    {
        var decision = RoutingDecider.Decide(ExpenseRouting.Value, Claim(1500), new RoutingEvent("taskCompleted", "financeReview", "approved"));

        Assert.Null(decision.NextStep);
        Assert.Null(decision.RoutedBy);
    }
}
