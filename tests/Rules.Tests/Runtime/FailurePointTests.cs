using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Runtime;

public sealed class FailurePointTests
{
    [Fact]
    public void Insert_WhenAConditionExpressionThrows_RaisesConditionExceptionNamingRuleAndFact()
    {
        var evaluator = new LambdaEvaluator().Add("boom", _ => throw new InvalidOperationException("division by zero"));
        var rules = new RuleSetBuilder("r")
            .Rule("Fragile", r => r.Match("o", "Order", w => w.Expression("boom")).Emit("x"))
            .Compile(new RuleCompilerOptions { ExpressionEvaluator = evaluator });
        var session = rules.CreateSession();
        var order = TestFacts.MakeWithId("Order", "o-9", ("amount", 1));

        var error = Assert.Throws<RuleConditionException>(() => session.Insert(order));

        Assert.Equal(["Fragile"], error.RuleNames);
        Assert.Same(order, error.Fact);
        Assert.Equal("boom", error.Condition);
        Assert.Contains("o-9", error.Message, StringComparison.Ordinal);
        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_WhenAJoinExpressionReturnsANonBoolean_RaisesConditionExceptionWithThePartialMatch()
    {
        var evaluator = new LambdaEvaluator().Add("o.amount", b => b.TryGetFact("o", out var o) ? o["amount"] : null, "o", "c");
        var rules = new RuleSetBuilder("r")
            .Rule("Typed", r => r.Match("c", "Customer").Match("o", "Order", w => w.Expression("o.amount")))
            .Compile(new RuleCompilerOptions { ExpressionEvaluator = evaluator });
        var session = rules.CreateSession();
        var customer = TestFacts.Make("Customer");
        session.Insert(customer);

        var error = Assert.Throws<RuleConditionException>(() => session.Insert(TestFacts.Make("Order", ("amount", 5))));

        Assert.Contains("must give true or false", error.Message, StringComparison.Ordinal);
        Assert.Equal([customer], error.Facts);
    }

    [Fact]
    public void Fire_WhenAnActionThrows_RaisesActionExceptionNamingRuleActionAndFacts()
    {
        var rules = new RuleSetBuilder("r")
            .Rule("Notify", r => r.Match("o", "Order").Do("send mail", _ => throw new InvalidOperationException("smtp down")))
            .Compile();
        var session = rules.CreateSession();
        var order = TestFacts.Make("Order", ("id", 3));
        session.Insert(order);

        var error = Assert.Throws<RuleActionException>(() => session.Fire());

        Assert.Equal("Notify", error.RuleName);
        Assert.Equal("call send mail", error.Action);
        Assert.Equal([order], error.Facts);
        Assert.Contains("smtp down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_WhenRegexTimesOut_RaisesConditionException()
    {
        var rules = new RuleSetBuilder("r")
            .Rule("Slow", r => r.Match("o", "Text", w => w.Where("body", ConditionOperator.Matches, "^(a+)+$")))
            .Compile(new RuleCompilerOptions { RegexTimeout = TimeSpan.FromMilliseconds(5) });
        var session = rules.CreateSession();

        var error = Assert.Throws<RuleConditionException>(() => session.Insert(TestFacts.Make("Text", ("body", new string('a', 40) + "!"))));

        Assert.IsType<System.Text.RegularExpressions.RegexMatchTimeoutException>(error.InnerException);
    }

    [Fact]
    public void Insert_OfTheSameFactTwice_ExplainsToUseUpdate()
    {
        var session = new RuleSetBuilder("r").Rule("x", r => r.Match("a", "A")).Compile().CreateSession();
        var fact = TestFacts.Make("A");
        session.Insert(fact);

        var error = Assert.Throws<ArgumentException>(() => session.Insert(fact));

        Assert.Contains("Update", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_WhenAnAgendaFilterThrows_RaisesFilterExceptionNamingRuleFilterAndFacts()
    {
        var rules = new RuleSetBuilder("r")
            .Rule("Guarded", r => r.Match("o", "Order").Filter("quota lookup", _ => throw new InvalidOperationException("quota service down")).Emit("x"))
            .Compile();
        var session = rules.CreateSession();
        var order = TestFacts.MakeWithId("Order", "o-3");

        var error = Assert.Throws<RuleFilterException>(() => session.Insert(order));

        Assert.Equal("Guarded", error.RuleName);
        Assert.Equal("quota lookup", error.Filter);
        Assert.Equal([order], error.Facts);
        Assert.Contains("quota service down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_WhenAFilterExpressionReturnsANonBoolean_RaisesFilterExceptionSayingWhatItMustReturn()
    {
        var evaluator = new LambdaEvaluator().Add("o.amount", b => b.TryGetFact("o", out var o) ? o["amount"] : null, "o");
        var rules = new RuleSetBuilder("r")
            .Rule("Typed", r => r.Match("o", "Order").FilterWhere("o.amount").Emit("x"))
            .Compile(new RuleCompilerOptions { ExpressionEvaluator = evaluator });
        var session = rules.CreateSession();

        var error = Assert.Throws<RuleFilterException>(() => session.Insert(TestFacts.Make("Order", ("amount", 3))));

        Assert.Equal("expr(o.amount)", error.Filter);
        Assert.Contains("must return true or false", error.Message, StringComparison.Ordinal);
    }
}
