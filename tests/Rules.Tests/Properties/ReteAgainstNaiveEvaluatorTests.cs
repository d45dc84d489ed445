using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Tests.Properties;

/// <summary>
/// Random rules and facts (seeded, deterministic): the set of activations the Rete network produces must equal
/// what a naive evaluator finds by trying every combination of facts, after inserts, updates and retractions.
/// </summary>
public sealed class ReteAgainstNaiveEvaluatorTests
{
    private static readonly string[] Types = ["A", "B", "C"];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Activations_AfterRandomChanges_EqualTheNaiveEvaluation(int seed)
    {
        var random = new Random(seed);
        var rules = Enumerable.Range(0, 6).Select(i => RandomRule(random, i)).ToList();
        var definition = new RuleSetDefinition("random", 1, [.. rules.Select(r => r.Definition)]);
        var compiled = LowCode.Rules.Compilation.RuleSetCompiler.Compile(definition);
        var session = compiled.CreateSession(new SessionOptions { Trace = true });
        var facts = new List<Fact>();

        for (var step = 0; step < 40; step++)
        {
            var roll = random.Next(10);
            if (roll < 6 || facts.Count == 0)
            {
                var fact = new Fact(Types[random.Next(Types.Length)], [new("k", (long)random.Next(3)), new("v", (long)random.Next(5))]);
                facts.Add(fact);
                session.Insert(fact);
            }
            else if (roll < 8)
            {
                var fact = facts[random.Next(facts.Count)];
                fact.Set(random.Next(2) == 0 ? "k" : "v", (long)random.Next(random.Next(2) == 0 ? 3 : 5));
                session.Update(fact);
            }
            else
            {
                var fact = facts[random.Next(facts.Count)];
                facts.Remove(fact);
                session.Retract(fact);
            }
        }

        var expected = rules.SelectMany(rule => Naive(rule, facts).Select(match => Key(rule.Definition.Name, match))).Order().ToList();
        var actual = PendingMatches(session).Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Firing_InterleavedWithChanges_FiresEveryFinalMatchOnItsFinalFacts(int seed)
    {
        var random = new Random(seed + 1000);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var rules = Enumerable.Range(0, 6).Select(i => RandomRule(random, i, fired)).ToList();
        var definition = new RuleSetDefinition("random", 1, [.. rules.Select(r => r.Definition)]);
        var session = LowCode.Rules.Compilation.RuleSetCompiler.Compile(definition).CreateSession();
        var facts = new List<Fact>();

        for (var step = 0; step < 40; step++)
        {
            var roll = random.Next(10);
            if (roll < 5 || facts.Count == 0)
            {
                var fact = new Fact(Types[random.Next(Types.Length)], [new("k", (long)random.Next(3)), new("v", (long)random.Next(5))]);
                facts.Add(fact);
                session.Insert(fact);
            }
            else if (roll < 7)
            {
                var fact = facts[random.Next(facts.Count)];
                fact.Set(random.Next(2) == 0 ? "k" : "v", (long)random.Next(random.Next(2) == 0 ? 3 : 5));
                session.Update(fact);
            }
            else if (roll < 8)
            {
                var fact = facts[random.Next(facts.Count)];
                facts.Remove(fact);
                session.Retract(fact);
            }
            else
            {
                session.Fire();
            }
        }

        session.Fire();

        // Every match that holds at the end must have fired after its facts took their final values.
        var missing = rules
            .SelectMany(rule => Naive(rule, facts).Select(match => VersionedKey(rule.Definition.Name, match)))
            .Where(key => !fired.Contains(key))
            .ToList();
        Assert.Empty(missing);
    }

    private static string VersionedKey(string rule, IReadOnlyList<object?> match) =>
        Key(rule, match) + "@" + string.Join(",", match.OfType<Fact>().Select(f => f.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static IEnumerable<string> PendingMatches(RuleSession session)
    {
        // Fire everything with an action that records the match: each pending activation fires exactly once.
        session.Fire();
        return session.Outputs.Select(o => Key(o.Rule, [.. o.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value)]));
    }

    private static string Key(string rule, IReadOnlyList<object?> match) =>
        rule + ":" + string.Join(",", match.Select(value => value switch
        {
            Fact fact => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(fact).ToString(System.Globalization.CultureInfo.InvariantCulture),
            long count => "#" + count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "-",
        }));

    private sealed record Element(string Kind, string Type, long? MinV, bool JoinOnK, bool VGreaterThanFirst, long MinCount, long? KEquals);

    private sealed record RandomRuleSpec(RuleDefinition Definition, List<Element> Elements);

    private static RandomRuleSpec RandomRule(Random random, int index, HashSet<string>? fired = null)
    {
        var builder = new RuleBuilder($"R{index}");
        var elements = new List<Element>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var kind = i == 0 ? "match" : random.Next(6) switch { 0 => "not", 1 => "exists", 2 => "count", _ => "match" };
            var type = Types[random.Next(Types.Length)];
            long? minV = random.Next(2) == 0 ? random.Next(4) : null;
            var join = i > 0 && random.Next(3) != 0;
            var greater = i > 0 && random.Next(4) == 0;
            var minCount = (long)random.Next(3);
            long? kEquals = random.Next(3) == 0 ? random.Next(3) : null;
            var element = new Element(kind, type, minV, join, greater, minCount, kEquals);
            elements.Add(element);
            void Conditions(ConditionsBuilder w)
            {
                if (kEquals is not null)
                {
                    w.Where("k", "==", kEquals.Value);
                }

                if (minV is not null)
                {
                    w.Where("v", ">=", minV.Value);
                }

                if (join)
                {
                    w.Where("k", "==", Operand.Ref("f0.k"));
                }

                if (greater)
                {
                    w.Where("v", ">", Operand.Ref("f0.v"));
                }
            }

            switch (kind)
            {
                case "match":
                    builder.Match($"f{i}", type, Conditions);
                    break;
                case "not":
                    builder.Not(type, Conditions);
                    break;
                case "count":
                    builder.Aggregate($"n{i}", AggregateKind.Count, type, source: Conditions, result: r => r.Where("value", ">=", minCount));
                    break;
                default:
                    builder.Exists(type, Conditions);
                    break;
            }
        }

        var bound = elements.Select((e, i) => (e, i))
            .Where(p => p.e.Kind is "match" or "count")
            .Select(p => p.e.Kind == "match" ? ($"f{p.i}", (object?)Operand.Ref($"f{p.i}")) : ($"n{p.i}", Operand.Ref($"n{p.i}.value")))
            .ToArray();
        builder.Emit("match", bound);
        if (fired is not null)
        {
            var names = bound.Select(b => b.Item1).Order(StringComparer.Ordinal).ToArray();
            builder.Do("record", context =>
            {
                var values = names.Select(name => name.StartsWith('f') ? context.Get(name) : context.Get(name)["value"]).ToList();
                fired.Add(VersionedKey(context.RuleName, values));
            });
        }

        return new RandomRuleSpec(builder.Build(), elements);
    }

    private static IEnumerable<IReadOnlyList<object?>> Naive(RandomRuleSpec rule, List<Fact> facts)
    {
        IEnumerable<List<object?>> partial = [[]];
        for (var i = 0; i < rule.Elements.Count; i++)
        {
            var element = rule.Elements[i];
            partial = element.Kind switch
            {
                "match" => partial.SelectMany(p => facts.Where(f => Holds(element, f, p)).Select(f => new List<object?>(p) { f })).ToList(),
                "not" => partial.Where(p => !facts.Any(f => Holds(element, f, p))).Select(p => new List<object?>(p) { null }).ToList(),
                "exists" => partial.Where(p => facts.Any(f => Holds(element, f, p))).Select(p => new List<object?>(p) { null }).ToList(),
                _ => partial.Select(p => (p, n: (long)facts.Count(f => Holds(element, f, p))))
                    .Where(x => x.n >= element.MinCount).Select(x => new List<object?>(x.p) { x.n }).ToList(),
            };
        }

        // Outputs carry the bound facts and counts ordered by argument name; f0..f2 and n1..n2 sort so that all
        // facts come first (f < n), each group by slot.
        return partial.Select(p => (IReadOnlyList<object?>)[.. p.Where(v => v is Fact), .. p.Where(v => v is long)]);
    }

    private static bool Holds(Element element, Fact fact, List<object?> partial)
    {
        if (fact.Type != element.Type)
        {
            return false;
        }

        var v = (long)fact["v"]!;
        if (element.MinV is not null && v < element.MinV)
        {
            return false;
        }

        if (element.KEquals is not null && !Equals(fact["k"], element.KEquals))
        {
            return false;
        }

        var first = partial.Count > 0 ? (Fact)partial[0]! : fact;
        if (element.JoinOnK && !Equals(fact["k"], first["k"]))
        {
            return false;
        }

        return !element.VGreaterThanFirst || v > (long)first["v"]!;
    }
}
