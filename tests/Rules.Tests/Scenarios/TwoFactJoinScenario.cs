using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class TwoFactJoinScenario
{
    private static RuleSetDefinition Rules() => new RuleSetBuilder("join")
        .Rule("Order of a gold customer", r => r
            .Match("customer", "Customer", c => c.Where("tier", "==", "gold"))
            .Match("order", "Order", c => c.Where("customerId", "==", Operand.Ref("customer.id")).Where("amount", ">", Operand.Ref("customer.limit")))
            .Emit("review", ("order", Operand.Ref("order.id")), ("customer", Operand.Ref("customer.id"))))
        .Build();

    [Fact]
    public void Fire_WithEqualityJoin_MatchesOnlyPairsWithEqualKeys()
    {
        var session = LowCode.Rules.Compilation.RuleSetCompiler.Compile(Rules()).CreateSession();

        session.InsertAll([
            TestFacts.Make("Customer", ("id", 1), ("tier", "gold"), ("limit", 100)),
            TestFacts.Make("Customer", ("id", 2), ("tier", "silver"), ("limit", 0)),
            TestFacts.Make("Order", ("id", 10), ("customerId", 1), ("amount", 150)),
            TestFacts.Make("Order", ("id", 11), ("customerId", 1), ("amount", 50)),
            TestFacts.Make("Order", ("id", 12), ("customerId", 2), ("amount", 500)),
            TestFacts.Make("Order", ("id", 13), ("customerId", 1.0), ("amount", 101)),
        ]);
        session.Fire();

        Assert.Equal([10L, 13L], session.Outputs.Select(o => o.Arguments["order"]).Order());
    }

    [Fact]
    public void Fire_WhenTheLeftFactArrivesLast_StillJoins()
    {
        var session = LowCode.Rules.Compilation.RuleSetCompiler.Compile(Rules()).CreateSession();

        session.Insert(TestFacts.Make("Order", ("id", 10), ("customerId", 1), ("amount", 150)));
        session.Insert(TestFacts.Make("Customer", ("id", 1), ("tier", "gold"), ("limit", 100)));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Retract_OfTheJoinedFact_CancelsThePendingActivation()
    {
        var session = LowCode.Rules.Compilation.RuleSetCompiler.Compile(Rules()).CreateSession();
        var customer = TestFacts.Make("Customer", ("id", 1), ("tier", "gold"), ("limit", 100));
        session.Insert(customer);
        session.Insert(TestFacts.Make("Order", ("id", 10), ("customerId", 1), ("amount", 150)));

        session.Retract(customer);

        Assert.Equal(0, session.PendingActivations);
        Assert.Equal(0, session.Fire());
    }
}
