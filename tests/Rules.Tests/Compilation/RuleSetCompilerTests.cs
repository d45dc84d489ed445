using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Compilation;

public sealed class RuleSetCompilerTests
{
    [Fact]
    public void Compile_WithIdenticalLeadingConditions_SharesAlphaNodes()
    {
        var rules = new RuleSetBuilder("share")
            .Rule("A", r => r.Match("o", "Order", w => w.Where("region", "==", "EU").Where("amount", ">", 10)))
            .Rule("B", r => r.Match("x", "Order", w => w.Where("region", "==", "EU").Where("amount", ">", 20)))
            .Rule("C", r => r.Match("y", "Order", w => w.Where("region", "==", "EU").Where("amount", ">", 10)))
            .Compile();

        Assert.Equal(3, rules.AlphaNodeCount);
    }

    [Fact]
    public void Compile_WithSeveralProblems_ReportsEveryOneWithItsLocation()
    {
        var definition = new RuleSetBuilder("bad")
            .Rule("Unknown variable", r => r.Match("o", "Order", w => w.Where("customerId", "==", Operand.Ref("customer.id"))))
            .Rule("Bad path", r => r.Match("o", "Order", w => w.Where("a..b", "==", 1)))
            .Rule("Missing value", r => r.Match("o", "Order", w => w.Add(new FieldCondition("amount", ConditionOperator.GreaterThan))))
            .Rule("Bad regex", r => r.Match("o", "Order", w => w.Where("name", "matches", "(")))
            .Rule("In needs a list", r => r.Match("o", "Order", w => w.Where("region", "in", "EU")))
            .Rule("Expression without evaluator", r => r.Match("o", "Order", w => w.Expression("o.amount > 1")))
            .Rule("Set on unknown", r => r.Match("o", "Order").Set("nobody", "x", 1))
            .Rule("Unknown variable", r => r.Match("o", "Order").Match("o", "Order"))
            .Rule("No conditions", _ => { })
            .Rule("Sum without path", r => r.Aggregate("t", AggregateKind.Sum, "Line"))
            .Build();

        var error = Assert.Throws<RuleCompilationException>(() => RuleSetCompiler.Compile(definition));

        var byRule = error.Errors.Select(e => (e.RuleIndex, e.Location)).ToList();
        Assert.Contains((0, "conditions[0].conditions[0].value"), byRule);
        Assert.Contains((1, "conditions[0].conditions[0]"), byRule);
        Assert.Contains((2, "conditions[0].conditions[0]"), byRule);
        Assert.Contains((3, "conditions[0].conditions[0].value"), byRule);
        Assert.Contains((4, "conditions[0].conditions[0].value"), byRule);
        Assert.Contains((5, "conditions[0].conditions[0]"), byRule);
        Assert.Contains((6, "actions[0].variable"), byRule);
        Assert.Contains((7, "name"), byRule);
        Assert.Contains((7, "conditions[1].variable"), byRule);
        Assert.Contains((8, "conditions"), byRule);
        Assert.Contains((9, "conditions[0].path"), byRule);
        Assert.Contains("customer", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("RuleCompilerOptions.ExpressionEvaluator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WithInvalidExpression_ReportsTheEvaluatorsMessage()
    {
        var definition = new RuleSetBuilder("bad").Rule("R", r => r.Match("o", "Order", w => w.Expression("o.amount >"))).Build();

        var error = Assert.Throws<RuleCompilationException>(() =>
            RuleSetCompiler.Compile(definition, new RuleCompilerOptions { ExpressionEvaluator = new Support.LambdaEvaluator() }));

        Assert.Contains("line 1, column 1", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }
}
