using System.Linq.Expressions;
using System.Reflection;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OurAggregate = LowCode.Rules.Model.AggregateElement;
using OurExists = LowCode.Rules.Model.ExistsElement;
using OurNot = LowCode.Rules.Model.NotElement;
using OurPattern = LowCode.Rules.Model.PatternElement;
using OurRule = LowCode.Rules.Model.RuleDefinition;
using OurRuleSet = LowCode.Rules.Model.RuleSetDefinition;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// Evaluates an expression for the oracle: <paramref name="candidate"/> is the fact being matched (its fields are
/// top-level names when it has no variable), <paramref name="bound"/> the facts bound before it by variable.
/// </summary>
internal delegate object? OracleExpression(string expression, Fact? candidate, IReadOnlyList<(string Name, Fact Fact)> bound);

/// <summary>
/// Maps LowCode.Rules' canonical model to NRules' RuleModel (through its RuleBuilder elements), so NRules' Rete, agenda
/// and chaining can be held against ours. Facts are the same <see cref="Fact"/> class (NRules matches it by CLR type,
/// so every pattern starts with a type test). Conditions are tested with <see cref="OracleSemantics"/>, written apart
/// from the engine's. Things NRules lacks are built from what it has: an exclusive group is a <c>not</c> over a marker
/// fact the winner inserts; an aggregate is a <c>collect</c> whose result the oracle aggregates; a set that changes
/// nothing does not update (NRules would re-fire on every update).
/// </summary>
internal sealed class NRulesMapper(OracleSemantics semantics, OracleExpression? expressions = null)
{
    internal const string ExclusiveMarker = "__exclusive";

    private static readonly MethodInfo TestMethod = typeof(ConditionTest).GetMethod(nameof(ConditionTest.Test))!;
    private static readonly MethodInfo MarkerMethod = typeof(NRulesMapper).GetMethod(nameof(IsMarkerOf))!;
    private static readonly MethodInfo FireMethod = typeof(NRulesRuleSet).GetMethod(nameof(NRulesRuleSet.Fired))!;

    public NRulesRuleSet Map(OurRuleSet ruleSet)
    {
        var mapped = new NRulesRuleSet(expressions);
        var definitions = ruleSet.Rules.Select(rule => MapRule(rule, mapped)).ToList();
        mapped.Factory = new RuleCompiler().Compile(definitions);
        return mapped;
    }

    private IRuleDefinition MapRule(OurRule rule, NRulesRuleSet mapped)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(rule.Salience);
        var lhs = builder.LeftHandSide();
        var scope = new List<(string Name, ParameterExpression Parameter, OurAggregate? Aggregate)>();
        var unnamed = 0;
        foreach (var element in rule.Conditions)
        {
            switch (element)
            {
                case OurPattern pattern:
                    var name = pattern.Variable ?? $"__p{unnamed++}";
                    lhs.Pattern(Pattern(pattern, name, scope));
                    scope.Add((name, Expression.Parameter(typeof(Fact), name), null));
                    break;
                case OurNot not:
                    lhs.Not().Pattern(Pattern(not.Pattern, $"__n{unnamed++}", scope));
                    break;
                case OurExists exists:
                    lhs.Exists().Pattern(Pattern(exists.Pattern, $"__e{unnamed++}", scope));
                    break;
                case OurAggregate aggregate:
                    var source = Pattern(aggregate.Source, aggregate.Source.Variable ?? $"__a{unnamed++}", scope);
                    var result = new PatternBuilder(typeof(IEnumerable<Fact>), aggregate.Variable);
                    var resultParameter = Expression.Parameter(typeof(IEnumerable<Fact>), aggregate.Variable);
                    foreach (var condition in aggregate.ResultConditions)
                    {
                        result.Condition(Lambda(condition, resultParameter, null, aggregate, scope));
                    }

                    var collect = result.Aggregate();
                    collect.Collect();
                    collect.Pattern(source);
                    lhs.Pattern(result);
                    scope.Add((aggregate.Variable, resultParameter, aggregate));
                    break;
                default:
                    throw new NotSupportedException($"The NRules mapping has no {element.GetType().Name}.");
            }
        }

        if (rule.ExclusiveGroup is { } group)
        {
            lhs.Not().Pattern(MarkerPattern(group, unnamed++));
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var index = mapped.Add(rule, scope.Select(s => (s.Name, s.Aggregate)).ToList());
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(Expression.Constant(mapped), FireMethod, context, Expression.Constant(index)),
            context));
        return builder.Build();
    }

    private static PatternBuilder MarkerPattern(string group, int n)
    {
        var marker = new PatternBuilder(typeof(Fact), $"__x{n}");
        var parameter = Expression.Parameter(typeof(Fact), marker.Declaration.Name);
        marker.Condition(Expression.Lambda(Expression.Call(MarkerMethod, parameter, Expression.Constant(group)), parameter));
        return marker;
    }

    /// <summary>Whether a fact is the marker the winner of <paramref name="group"/> inserted (a method: NRules' expression comparer has no indexers).</summary>
    public static bool IsMarkerOf(Fact fact, string group) => fact.Type == ExclusiveMarker && fact["group"] as string == group;

    private static BinaryExpression IsType(ParameterExpression fact, string type) =>
        Expression.Equal(Expression.Property(fact, nameof(Fact.Type)), Expression.Constant(type));

    private PatternBuilder Pattern(OurPattern pattern, string name, IReadOnlyList<(string Name, ParameterExpression Parameter, OurAggregate? Aggregate)> scope)
    {
        var builder = new PatternBuilder(typeof(Fact), name);
        var self = Expression.Parameter(typeof(Fact), name);
        builder.Condition(Expression.Lambda(IsType(self, pattern.FactType), self));
        foreach (var condition in pattern.Conditions)
        {
            builder.Condition(Lambda(condition, self, pattern.Variable, null, scope));
        }

        return builder;
    }

    /// <summary>A condition as a lambda over the pattern's own declaration and the earlier ones it reads (a beta test when any).</summary>
    private LambdaExpression Lambda(
        ConditionElement condition,
        ParameterExpression self,
        string? selfVariable,
        OurAggregate? aggregate,
        IReadOnlyList<(string Name, ParameterExpression Parameter, OurAggregate? Aggregate)> scope)
    {
        var reads = Reads(condition);
        var outer = scope.Where(s => reads is null || reads.Contains(s.Name)).Where(s => s.Name != selfVariable).ToList();
        var test = new ConditionTest(semantics, expressions, condition, selfVariable, aggregate, [.. outer.Select(o => (o.Name, o.Aggregate))]);
        var arguments = Expression.NewArrayInit(typeof(object), outer.Select(o => (Expression)Expression.Convert(o.Parameter, typeof(object))));
        return Expression.Lambda(
            Expression.Call(Expression.Constant(test), TestMethod, Expression.Convert(self, typeof(object)), arguments),
            [self, .. outer.Select(o => o.Parameter)]);
    }

    /// <summary>The variables a condition reads; null when it cannot be known (an expression may read any).</summary>
    private static HashSet<string>? Reads(ConditionElement condition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool Walk(ConditionElement c)
        {
            switch (c)
            {
                case FieldCondition field:
                    foreach (var operand in new[] { field.Value, field.UpperValue })
                    {
                        if (operand is ReferenceOperand reference)
                        {
                            names.Add(reference.Variable);
                        }
                        else if (operand is ExpressionOperand)
                        {
                            return false;
                        }
                    }

                    return true;
                case AllCondition all:
                    return all.Conditions.All(Walk);
                case AnyCondition any:
                    return any.Conditions.All(Walk);
                default:
                    return false;
            }
        }

        return Walk(condition) ? names : null;
    }
}
