using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using NRules;
using NRules.RuleModel;
using AggregateElement = LowCode.Rules.Model.AggregateElement;
using RuleDefinition = LowCode.Rules.Model.RuleDefinition;

namespace LowCode.Rules.Tests.Differential;

/// <summary>A rule set compiled by NRules through <see cref="NRulesMapper"/>, and the actions its rules run.</summary>
internal sealed class NRulesRuleSet(OracleExpression? expressions)
{
    private readonly List<(RuleDefinition Rule, List<(string Name, AggregateElement? Aggregate)> Scope)> _rules = [];
    private List<Firing>? _firings;
    private List<string>? _outputs;

    public ISessionFactory Factory { get; set; } = null!;

    /// <summary>Inserts copies of <paramref name="facts"/>, fires, and reports what happened.</summary>
    public EngineRun Run(IEnumerable<Fact> facts)
    {
        var session = Factory.CreateSession();
        var copies = facts.Select(Copy).ToList();
        _firings = [];
        _outputs = [];
        session.InsertAll(copies);
        session.Fire();
        return new EngineRun(_firings, _outputs, copies.ToDictionary(f => f.Id!, f => f.ToJson(), StringComparer.Ordinal));
    }

    public static Fact Copy(Fact fact) => Fact.Parse(fact.Type, fact.ToJson(), fact.Id);

    internal int Add(RuleDefinition rule, List<(string Name, AggregateElement? Aggregate)> scope)
    {
        _rules.Add((rule, scope));
        return _rules.Count - 1;
    }

    internal static Fact AsFact(object value, AggregateElement? aggregate) =>
        aggregate is null ? (Fact)value : OracleSemantics.Aggregate(aggregate.Kind, aggregate.Path, [.. (IEnumerable<Fact>)value]);

    /// <summary>The one action every mapped rule has: record the firing, then run the rule's actions.</summary>
    public void Fired(IContext context, int index)
    {
        var (rule, scope) = _rules[index];
        var matched = context.Match.Facts.ToDictionary(f => f.Declaration.Name, f => f.Value, StringComparer.Ordinal);
        var bound = scope.Where(s => matched.ContainsKey(s.Name)).Select(s => (s.Name, Fact: AsFact(matched[s.Name]!, s.Aggregate))).ToList();
        _firings!.Add(new Firing(
            rule.Name,
            rule.Salience,
            string.Join(",", scope.Where(s => s.Aggregate is null && !s.Name.StartsWith("__", StringComparison.Ordinal)).Select(s => $"{s.Name}={((Fact)matched[s.Name]!).Id}").Order(StringComparer.Ordinal))));
        if (rule.ExclusiveGroup is { } group)
        {
            context.Insert(new Fact(NRulesMapper.ExclusiveMarker, [new("group", group)], id: $"{NRulesMapper.ExclusiveMarker}:{group}"));
        }

        foreach (var action in rule.Actions)
        {
            switch (action)
            {
                case EmitAction emit:
                    var arguments = new Fact("arguments", emit.Arguments.Select(a => new KeyValuePair<string, object?>(a.Key, Value(a.Value, bound))));
                    _outputs!.Add($"{rule.Name}: {emit.Name} {arguments.ToJson()}");
                    break;
                case SetAction set:
                    var fact = bound.Last(b => b.Name == set.Variable).Fact;
                    var value = FactValue.Normalize(Value(set.Value, bound));
                    if (FactValue.ToJson(OracleSemantics.Resolve(fact, set.Path)) != FactValue.ToJson(value))
                    {
                        fact.SetPath(FieldPath.Parse(set.Path), value);
                        context.Update(fact);
                    }

                    break;
                default:
                    throw new NotSupportedException($"The NRules mapping has no {action.GetType().Name}.");
            }
        }
    }

    private object? Value(Operand operand, List<(string Name, Fact Fact)> bound) => operand switch
    {
        ConstantOperand constant => constant.Value,
        ReferenceOperand reference => OracleSemantics.Resolve(bound.Last(b => b.Name == reference.Variable).Fact, reference.Path),
        ExpressionOperand expression => (expressions ?? throw new NotSupportedException("This mapping was built without an expression evaluator."))(expression.Expression, null, bound),
        _ => throw new NotSupportedException($"The NRules mapping has no {operand.GetType().Name}."),
    };
}
