using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class OneFactRuleScenario
{
    [Fact]
    public void Fire_WithOneMatchingFact_EmitsOncePerMatchingFact()
    {
        var rules = new RuleSetBuilder("orders")
            .Rule("Big order", r => r
                .Match("order", "Order", c => c.Where("amount", ">", 1000).Where("region", "in", new List<string> { "EU", "UK" }))
                .Emit("flag", ("id", Operand.Ref("order.id"))))
            .Compile();
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Order", ("id", 1), ("amount", 1500), ("region", "EU")),
            TestFacts.Make("Order", ("id", 2), ("amount", 500), ("region", "EU")),
            TestFacts.Make("Order", ("id", 3), ("amount", 2000.5), ("region", "US")),
            TestFacts.Make("Order", ("id", 4), ("amount", 3000), ("region", "UK")),
        ]);
        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.Equal([1L, 4L], session.Outputs.Select(o => o.Arguments["id"]).Order());
    }

    [Fact]
    public void Fire_WithFactOfAnotherType_DoesNotMatch()
    {
        var rules = new RuleSetBuilder("orders")
            .Rule("Any order", r => r.Match("order", "Order").Emit("seen"))
            .Compile();
        var session = rules.CreateSession();

        session.Insert(TestFacts.Make("Invoice", ("amount", 1)));

        Assert.Equal(0, session.Fire());
    }

    [Theory]
    [InlineData("startsWith", "ACME", true)]
    [InlineData("contains", "Corp", true)]
    [InlineData("matches", "^AC.*p$", true)]
    [InlineData("==", "acme corp", false)]
    [InlineData("!=", "acme corp", true)]
    public void Fire_WithStringOperators_MatchesLikeTheOperatorSays(string op, string value, bool expected)
    {
        var rules = new RuleSetBuilder("names")
            .Rule("Name rule", r => r.Match("c", "Customer", c => c.Where("name", op, value)).Emit("hit"))
            .Compile();
        var session = rules.CreateSession();

        session.Insert(TestFacts.Make("Customer", ("name", "ACME Corp")));

        Assert.Equal(expected ? 1 : 0, session.Fire());
    }

    [Fact]
    public void Fire_WithBetweenIsEmptyAndNestedPaths_MatchesOnlyTheRightFact()
    {
        var rules = new RuleSetBuilder("paths")
            .Rule("Nested", r => r
                .Match("o", "Order", c => c
                    .Between("lines.0.amount", 10, 20)
                    .Where("customer.address.country", "==", "FR")
                    .Where("note", ConditionOperator.IsEmpty)
                    .Where("tags", "contains", "vip"))
                .Emit("hit", ("id", Operand.Ref("o.id"))))
            .Compile();
        var session = rules.CreateSession();

        session.Insert(Fact.Parse("Order", """{"id": 1, "lines": [{"amount": 15}], "customer": {"address": {"country": "FR"}}, "tags": ["vip"]}"""));
        session.Insert(Fact.Parse("Order", """{"id": 2, "lines": [{"amount": 25}], "customer": {"address": {"country": "FR"}}, "tags": ["vip"]}"""));
        session.Insert(Fact.Parse("Order", """{"id": 3, "lines": [{"amount": 15}], "customer": {"address": {"country": "FR"}}, "tags": ["vip"], "note": "x"}"""));
        session.Fire();

        Assert.Equal([1L], session.Outputs.Select(o => o.Arguments["id"]));
    }

    [Fact]
    public void Fire_WithAnyOfAlternatives_MatchesEitherAlternative()
    {
        var rules = new RuleSetBuilder("any")
            .Rule("Either", r => r
                .Match("o", "Order", c => c.Any(a => a.Where("amount", ">", 100), a => a.Where("vip", "==", true).Where("amount", ">", 10)))
                .Emit("hit", ("id", Operand.Ref("o.id"))))
            .Compile();
        var session = rules.CreateSession();

        session.InsertAll([
            TestFacts.Make("Order", ("id", 1), ("amount", 150)),
            TestFacts.Make("Order", ("id", 2), ("amount", 50), ("vip", true)),
            TestFacts.Make("Order", ("id", 3), ("amount", 50)),
        ]);
        session.Fire();

        Assert.Equal([1L, 2L], session.Outputs.Select(o => o.Arguments["id"]).Order());
    }
}
