using LowCode.Engine.Routing;
using LowCode.Rules.Model;

namespace LowCode.Engine.Tests.Routing;

public sealed class RuleSetMapperTests
{
    [Fact]
    public void Map_RoutingRule_GetsEventAndDataPatternsAndTheExclusiveRouteGroup()
    {
        var definition = RoutingTestSupport.RuleSet("""
            [ { "name": "r", "salience": 5, "steps": [ "review" ], "when": [ { "path": "amount", "op": "between", "value": [ 1, 10 ] } ],
                "then": [ { "type": "goTo", "step": "pay" } ] } ]
            """);

        var mapping = RuleSetMapper.Map(definition, 3);

        Assert.Empty(mapping.Problems);
        Assert.Equal(3, mapping.Model.Version);
        var rule = Assert.Single(mapping.Model.Rules);
        Assert.Equal(RoutingFacts.RouteGroup, rule.ExclusiveGroup);
        Assert.Equal(5, rule.Salience);
        var patterns = rule.Conditions.OfType<PatternElement>().ToList();
        Assert.Equal([RoutingFacts.Event, RoutingFacts.Data], patterns.Select(p => p.FactType));
        var between = Assert.IsType<FieldCondition>(Assert.Single(patterns[1].Conditions));
        Assert.NotNull(between.UpperValue);
        Assert.IsType<EmitAction>(Assert.Single(rule.Actions));
    }

    [Fact]
    public void Map_NotAndExists_BecomeQuantifierElements()
    {
        var definition = RoutingTestSupport.RuleSet("""
            [ { "name": "r", "when": [
                  { "not": { "fact": "exception", "where": [ { "path": "code", "op": "==", "value": "X" } ] } },
                  { "exists": { "fact": "exception", "where": [ { "expression": "true" } ] } } ],
                "then": [ { "type": "notify", "assignee": { "role": "ops" }, "message": "m" } ] } ]
            """);

        var rule = Assert.Single(RuleSetMapper.Map(definition, 1).Model.Rules);

        Assert.Single(rule.Conditions.OfType<NotElement>());
        Assert.Single(rule.Conditions.OfType<ExistsElement>());
        Assert.Null(rule.ExclusiveGroup);
    }

    [Fact]
    public void Map_DisabledRule_IsLeftOutAndIndicesStillPointAtTheJson()
    {
        var definition = RoutingTestSupport.RuleSet("""
            [ { "name": "off", "disabled": true, "then": [ { "type": "goTo", "step": "a" } ] },
              { "name": "on", "then": [ { "type": "goTo", "step": "b" } ] } ]
            """);

        var mapping = RuleSetMapper.Map(definition, 1);

        Assert.Equal(["on"], mapping.Model.Rules.Select(r => r.Name));
        Assert.Equal([1], mapping.SourceRuleIndex.ToArray());
    }

    [Fact]
    public void Compile_RuleWithUnsupportedExpression_ReportsTheRuleByJsonPath()
    {
        var definition = RoutingTestSupport.RuleSet("""
            [ { "name": "fine", "then": [ { "type": "goTo", "step": "a" } ] },
              { "name": "async", "when": [ { "expression": "lines.some(async l => l.amount > 5)" } ], "then": [ { "type": "goTo", "step": "b" } ] } ]
            """);

        var compilation = RoutingTestSupport.Compiler.Compile(definition, 1);

        Assert.False(compilation.Succeeded);
        var problem = Assert.Single(compilation.Problems);
        Assert.Equal("$.rules[1]", problem.Path);
        Assert.Contains("async", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_EverySeedRuleSet_Succeeds()
    {
        foreach (var (app, key) in new[] { ("expense-approval", "expense-routing"), ("customer-onboarding", "onboarding-risk"), ("it-access-request", "it-access-rules") })
        {
            var compilation = RoutingTestSupport.Compiler.Compile(RoutingTestSupport.SeedRuleSet(app, key), 1);

            Assert.True(compilation.Succeeded, $"{key}: {string.Join("; ", compilation.Problems)}");
        }
    }
}
