using LowCode.Rules.Builders;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Model;

public sealed class RuleModelPrinterTests
{
    [Fact]
    public void Print_RendersEveryElementKindReadably()
    {
        var ruleSet = new RuleSetBuilder("routing", 2)
            .Rule("Big", r => r.Salience(5).Exclusive("route")
                .Match("c", "Customer")
                .Match("o", "Order", w => w.Where("amount", ">", 1000).Where("customerId", "==", Operand.Ref("c.id")))
                .Not("Hold", w => w.Where("orderId", "==", Operand.Ref("o.id")))
                .Exists("Payment")
                .Aggregate("n", AggregateKind.Count, "Line", result: w => w.Where("value", ">", 2))
                .Emit("goTo", ("step", "finance"))
                .Halt())
            .Build();

        var text = RuleModelPrinter.Print(ruleSet);

        Assert.Equal(
            """
            ruleset routing v2
              rule "Big" salience 5 exclusive(route)
                when
                  c: Customer()
                  o: Order(amount > 1000, customerId == c.id)
                  not Hold(orderId == o.id)
                  exists Payment()
                  n = count of Line() where value > 2
                then
                  emit goTo {step: "finance"}
                  halt

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Print_RendersAgendaGroupTagsFiltersAndFocus()
    {
        var rule = new RuleBuilder("Notify")
            .AgendaGroup("follow-up").Tags("audit", "mail")
            .Match("o", "Order")
            .Filter("business hours", _ => true)
            .FilterWhere("o.amount > 10")
            .OnChange("o.status", "o.owner")
            .Focus("archive")
            .Build();

        var text = RuleModelPrinter.Print(rule);

        Assert.Equal(
            """
            rule "Notify" salience 0 agenda-group(follow-up) tags(audit, mail)
              when
                o: Order()
              filter
                where business hours
                where expr(o.amount > 10)
                on change of o.status, o.owner
              then
                focus archive

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void ConditionOperators_RoundTripEverySymbol()
    {
        foreach (var symbol in ConditionOperators.Symbols)
        {
            Assert.True(ConditionOperators.TryParse(symbol, out var op));
            Assert.Equal(symbol, ConditionOperators.ToSymbol(op.Value));
        }
    }
}
