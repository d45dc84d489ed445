using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Runtime;

public sealed class ExpressionConditionTests
{
    [Fact]
    public void Fire_WithExpressionsOverOwnAndJoinedFacts_UsesTheEvaluatorWithTheRightBindings()
    {
        var evaluator = new LambdaEvaluator()
            .Add("o.amount > 1000", b => b.TryGetFact("o", out var o) && (long)o["amount"]! > 1000, "o")
            .Add("o.amount > c.limit", b => b.TryGetFact("o", out var o) && b.TryGetFact("c", out var c) && (long)o["amount"]! > (long)c["limit"]!, "o", "c")
            .Add("o.amount * 2", b => b.TryGetFact("o", out var o) ? (long)o["amount"]! * 2 : null, "o");
        var rules = new RuleSetBuilder("expr")
            .Rule("Over limit", r => r
                .Match("c", "Customer")
                .Match("o", "Order", w => w.Expression("o.amount > 1000").Expression("o.amount > c.limit"))
                .Emit("hit", ("double", Operand.Expr("o.amount * 2"))))
            .Compile(new RuleCompilerOptions { ExpressionEvaluator = evaluator });
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Customer", ("limit", 1500)),
            TestFacts.Make("Order", ("amount", 2000)),
            TestFacts.Make("Order", ("amount", 1200)),
            TestFacts.Make("Order", ("amount", 500)),
        ]);
        session.Fire();

        Assert.Equal([4000L], session.Outputs.Select(o => o.Arguments["double"]));
        Assert.Contains(evaluator.CompiledWithVariables, v => v.SequenceEqual(["c", "o"]));
    }

    [Fact]
    public void Compile_WithExpressionReadingOnlyItsOwnVariable_SharesOneAlphaNodeAcrossRules()
    {
        var evaluator = new LambdaEvaluator().Add("o.vip", b => b.TryGetFact("o", out var o) && o["vip"] is true, "o");
        var rules = new RuleSetBuilder("expr")
            .Rule("A", r => r.Match("c", "Customer").Match("o", "Order", w => w.Expression("o.vip")))
            .Rule("B", r => r.Match("o", "Order", w => w.Expression("o.vip")))
            .Compile(new RuleCompilerOptions { ExpressionEvaluator = evaluator });

        Assert.Equal(1, rules.AlphaNodeCount);
    }
}
