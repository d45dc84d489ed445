using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// Seeded random rule sets over the features LowCode.Rules and NRules share, with facts drawn from small domains
/// so that rules match: orders and customers joined on a key, <c>not</c>, <c>exists</c>, count/sum/min/max
/// aggregates (over payments), salience, and chains of rules that move an order's <c>stage</c> on through updates.
/// Only chain rules read or write <c>stage</c>, and their saliences are unique, so which activation of a tie fires
/// first cannot change what else fires (that would make tie order, a documented difference, decide the outcome).
/// Aggregates read payments, which nothing updates: NRules re-fires an aggregate's rule when a fact it reads is
/// updated even if the result is unchanged (a documented difference), which would otherwise mark every such set.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    private static readonly long[] Amounts = [50, 100, 200, 500, 800, 1000, 1500];
    private static readonly string[] Regions = ["EU", "US", "APAC"];
    private static readonly string[] Tiers = ["gold", "silver", "bronze"];
    private static readonly string[] Tags = ["rush", "gift", "bulk"];
    private static readonly int[] SharedSaliences = [0, 10, 20];
    private static readonly int[] ChainSaliences = [-5, 5, 15, 25, 35];

    private readonly Random _random = new(seed);

    public (RuleSetDefinition RuleSet, IReadOnlyList<Fact> Facts) Next(int index)
    {
        var rules = new List<RuleDefinition>();
        var count = _random.Next(2, 7);
        for (var i = 0; i < count; i++)
        {
            rules.Add(Rule($"r{i}"));
        }

        if (_random.NextDouble() < 0.5)
        {
            var saliences = ChainSaliences.OrderBy(_ => _random.Next()).ToArray();
            var depth = _random.Next(2, 4);
            var region = _random.NextDouble() < 0.3 ? Pick(Regions) : null;
            for (var k = 0; k < depth; k++)
            {
                List<ConditionElement> conditions = [new FieldCondition("stage", ConditionOperator.Equal, Operand.Constant(k))];
                if (region is not null)
                {
                    conditions.Add(new FieldCondition("region", ConditionOperator.Equal, Operand.Constant(region)));
                }

                rules.Add(new RuleDefinition($"chain{k}", saliences[k], [new PatternElement("o", "Order", conditions)], [new SetAction("o", "stage", Operand.Constant(k + 1)), Emit("step")]));
            }
        }

        rules = [.. rules.OrderBy(_ => _random.Next())];
        return (new RuleSetDefinition($"corpus-{index}", 1, rules), Facts());
    }

    private IReadOnlyList<Fact> Facts()
    {
        var facts = new List<Fact>();
        var customers = _random.Next(2, 5);
        for (var i = 0; i < customers; i++)
        {
            facts.Add(new Fact("Customer", [new("key", $"c{i}"), new("tier", Pick(Tiers)), new("limit", _random.NextDouble() < 0.5 ? 500L : 1000L)], id: $"c{i}"));
        }

        var payments = _random.Next(2, 8);
        for (var i = 0; i < payments; i++)
        {
            facts.Add(new Fact("Payment", [new("customer", $"c{_random.Next(customers + 1)}"), new("amount", Pick(Amounts))], id: $"p{i}"));
        }

        var orders = _random.Next(3, 9);
        for (var i = 0; i < orders; i++)
        {
            facts.Add(new Fact(
                "Order",
                [
                    new("customer", $"c{_random.Next(customers + 1)}"),
                    new("amount", Pick(Amounts)),
                    new("region", Pick(Regions)),
                    new("priority", _random.NextDouble() < 0.5),
                    new("tags", Tags.Where(_ => _random.NextDouble() < 0.3).ToList()),
                    new("stage", 0L),
                ],
                id: $"o{i}"));
        }

        return [.. facts.OrderBy(_ => _random.Next())];
    }

    private RuleDefinition Rule(string name)
    {
        var salience = Pick(SharedSaliences);
        return _random.Next(5) switch
        {
            0 => new RuleDefinition(name, salience, [new PatternElement("o", "Order", OrderConditions(_random.Next(1, 4)))], [Emit("single")]),
            1 => new RuleDefinition(
                name,
                salience,
                [new PatternElement("o", "Order", OrderConditions(_random.Next(0, 2))), new PatternElement("c", "Customer", [JoinOnKey("o.customer"), .. CustomerConditions(_random.Next(0, 2))])],
                [Emit("join", ("amount", Operand.Ref("o.amount")), ("tier", Operand.Ref("c.tier")))]),
            2 => new RuleDefinition(
                name,
                salience,
                [new PatternElement("o", "Order", OrderConditions(_random.Next(0, 2))), new NotElement(new PatternElement(null, "Customer", [JoinOnKey("o.customer"), .. CustomerConditions(1)]))],
                [Emit("not")]),
            3 => new RuleDefinition(
                name,
                salience,
                [new PatternElement("c", "Customer", CustomerConditions(_random.Next(0, 2))), new ExistsElement(new PatternElement(null, "Order", [OrderOfCustomer(), .. OrderConditions(_random.Next(0, 2))]))],
                [Emit("exists")]),
            _ => Aggregate(name, salience),
        };
    }

    private RuleDefinition Aggregate(string name, int salience)
    {
        var kind = Pick([AggregateKind.Count, AggregateKind.Sum, AggregateKind.Min, AggregateKind.Max]);
        ConditionElement result = kind switch
        {
            AggregateKind.Count => new FieldCondition("value", ConditionOperator.GreaterThanOrEqual, Operand.Constant(_random.Next(0, 3))),
            AggregateKind.Sum => new FieldCondition("value", ConditionOperator.GreaterThan, Operand.Constant(Pick(Amounts))),
            _ => new FieldCondition("count", ConditionOperator.GreaterThan, Operand.Constant(_random.Next(0, 2))),
        };
        return new RuleDefinition(
            name,
            salience,
            [
                new PatternElement("c", "Customer", CustomerConditions(_random.Next(0, 2))),
                new AggregateElement("agg", kind, new PatternElement("x", "Payment", [OrderOfCustomer(), .. PaymentConditions()]), kind == AggregateKind.Count ? null : "amount", [result]),
            ],
            [Emit("aggregate", ("value", Operand.Ref("agg.value")), ("count", Operand.Ref("agg.count")))]);
    }

    private static FieldCondition JoinOnKey(string reference) => new("key", ConditionOperator.Equal, Operand.Ref(reference));

    private static FieldCondition OrderOfCustomer() => new("customer", ConditionOperator.Equal, Operand.Ref("c.key"));

    private List<ConditionElement> OrderConditions(int count)
    {
        var conditions = new List<ConditionElement>();
        for (var i = 0; i < count; i++)
        {
            conditions.Add(_random.Next(8) switch
            {
                0 => new FieldCondition("amount", Pick([ConditionOperator.GreaterThan, ConditionOperator.GreaterThanOrEqual, ConditionOperator.LessThan, ConditionOperator.LessThanOrEqual]), Operand.Constant(Pick(Amounts))),
                1 => new FieldCondition("amount", ConditionOperator.Between, Operand.Constant(Pick(Amounts)), Operand.Constant(Pick(Amounts))),
                2 => new FieldCondition("region", Pick([ConditionOperator.Equal, ConditionOperator.NotEqual]), Operand.Constant(Pick(Regions))),
                3 => new FieldCondition("region", Pick([ConditionOperator.In, ConditionOperator.NotIn]), Operand.Constant(Regions.Where(_ => _random.NextDouble() < 0.5).ToList())),
                4 => new FieldCondition("region", ConditionOperator.StartsWith, Operand.Constant(Pick(["E", "U", "A", "AP"]))),
                5 => new FieldCondition("priority", ConditionOperator.Equal, Operand.Constant(_random.NextDouble() < 0.5)),
                6 => new FieldCondition("tags", Pick([ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty])),
                _ => new AnyCondition([
                    new FieldCondition("tags", ConditionOperator.Contains, Operand.Constant(Pick(Tags))),
                    new FieldCondition("amount", ConditionOperator.GreaterThan, Operand.Constant(Pick(Amounts))),
                ]),
            });
        }

        return conditions;
    }

    private List<ConditionElement> PaymentConditions() => _random.Next(3) switch
    {
        0 => [],
        1 => [new FieldCondition("amount", Pick([ConditionOperator.GreaterThan, ConditionOperator.LessThanOrEqual]), Operand.Constant(Pick(Amounts)))],
        _ => [new FieldCondition("amount", ConditionOperator.NotIn, Operand.Constant(Amounts.Where(_ => _random.NextDouble() < 0.3).ToList()))],
    };

    private List<ConditionElement> CustomerConditions(int count)
    {
        var conditions = new List<ConditionElement>();
        for (var i = 0; i < count; i++)
        {
            conditions.Add(_random.Next(3) switch
            {
                0 => new FieldCondition("tier", ConditionOperator.Equal, Operand.Constant(Pick(Tiers))),
                1 => new FieldCondition("tier", ConditionOperator.In, Operand.Constant(Tiers.Where(_ => _random.NextDouble() < 0.5).ToList())),
                _ => new FieldCondition("limit", Pick([ConditionOperator.GreaterThan, ConditionOperator.LessThanOrEqual]), Operand.Constant(Pick([500L, 800L, 1000L]))),
            });
        }

        return conditions;
    }

    private static EmitAction Emit(string name, params (string Name, Operand Value)[] arguments) =>
        new(name, arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
