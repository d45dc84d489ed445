using LowCode.Rules.Builders;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class AgendaFilterRejectsScenario
{
    [Fact]
    public void Fire_WithASessionFilterRejectingSmallOrders_FiresOnlyForTheOthers()
    {
        var rules = new RuleSetBuilder("filters")
            .Rule("Approve", r => r.Match("o", "Order").Emit("approve", ("id", Operand.Ref("o.id"))))
            .Compile();
        var onlyLarge = AgendaFilters.Predicate("large orders only", a => a.Get("o")["amount"] is long amount && amount >= 100);
        var session = rules.CreateSession(new SessionOptions { AgendaFilters = [onlyLarge] });

        session.InsertAll([TestFacts.Make("Order", ("id", 1), ("amount", 50)), TestFacts.Make("Order", ("id", 2), ("amount", 500))]);
        var pending = session.PendingActivations;
        var fired = session.Fire();

        Assert.Equal(1, pending);
        Assert.Equal(1, fired);
        Assert.Equal([2L], session.Outputs.Select(o => o.Arguments["id"]));
    }

    [Fact]
    public void Update_AfterARuleFilterRejected_EvaluatesTheFilterAgainAndFires()
    {
        var rules = new RuleSetBuilder("filters")
            .Rule("Ship", r => r
                .Match("o", "Order")
                .Filter("paid", a => Equals(a.Get("o")["paid"], true))
                .Emit("ship"))
            .Compile();
        var session = rules.CreateSession(new SessionOptions { Trace = true });
        var order = TestFacts.Make("Order", ("paid", false));
        session.Insert(order);
        var firedWhileUnpaid = session.Fire();

        order.Set("paid", true);
        session.Update(order);
        var firedOncePaid = session.Fire();

        Assert.Equal(0, firedWhileUnpaid);
        Assert.Equal(1, firedOncePaid);
        Assert.Equal(
            [TraceEventKind.Filtered, TraceEventKind.Matched, TraceEventKind.Fired],
            session.Trace!.Entries.Select(e => e.Kind));
    }

    [Fact]
    public void Fire_WithAnExpressionFilter_FiresOnlyWhenItReturnsTrue()
    {
        var evaluator = new LambdaEvaluator().Add(
            "c.vip || o.amount > 1000",
            b => (b.TryGetFact("c", out var c) && Equals(c["vip"], true)) || (b.TryGetFact("o", out var o) && o["amount"] is long a && a > 1000),
            "c", "o");
        var rules = new RuleSetBuilder("filters")
            .Rule("Priority", r => r
                .Match("c", "Customer")
                .Match("o", "Order", w => w.Where("customerId", "==", Operand.Ref("c.id")))
                .FilterWhere("c.vip || o.amount > 1000")
                .Emit("priority", ("order", Operand.Ref("o.id"))))
            .Compile(new LowCode.Rules.Compilation.RuleCompilerOptions { ExpressionEvaluator = evaluator });
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Customer", ("id", 1), ("vip", false)),
            TestFacts.Make("Customer", ("id", 2), ("vip", true)),
            TestFacts.Make("Order", ("id", 10), ("customerId", 1), ("amount", 20)),
            TestFacts.Make("Order", ("id", 11), ("customerId", 1), ("amount", 2000)),
            TestFacts.Make("Order", ("id", 12), ("customerId", 2), ("amount", 20)),
        ]);
        session.Fire();

        Assert.Equal([11L, 12L], session.Outputs.Select(o => o.Arguments["order"]).Order());
    }
}
