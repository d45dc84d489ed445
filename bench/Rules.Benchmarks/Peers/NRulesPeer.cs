using System.Linq.Expressions;
using System.Reflection;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OurPattern = LowCode.Rules.Model.PatternElement;
using OurRuleSet = LowCode.Rules.Model.RuleSetDefinition;

namespace LowCode.Rules.Benchmarks.Peers;

/// <summary>
/// The benchmark scenarios' rule sets for NRules 1.0.4, built through its RuleBuilder over the same dynamic
/// <see cref="Fact"/> objects (NRules cannot read JSON facts in its expression trees, its issue #273): every pattern
/// tests the fact type, every condition is one compiled lambda calling a static operator over the values read from
/// the facts (a join is a lambda over two declarations), an exclusive group is a <c>not</c> over a marker the winner
/// inserts; an expression condition calls the same sandbox our engine uses. Emits count; a set that changes a
/// value updates the fact.
/// </summary>
internal static class NRulesPeer
{
    private const string Marker = "__exclusive";

    private static readonly MethodInfo GetMethod = typeof(NRulesPeer).GetMethod(nameof(Get))!;
    private static readonly MethodInfo TestMethod = typeof(NRulesPeer).GetMethod(nameof(Test))!;
    private static readonly MethodInfo IsTypeMethod = typeof(NRulesPeer).GetMethod(nameof(IsType))!;
    private static readonly MethodInfo MarkerMethod = typeof(NRulesPeer).GetMethod(nameof(IsMarkerOf))!;
    private static readonly MethodInfo ExpressionMethod = typeof(NRulesPeer).GetMethod(nameof(Holds))!;
    private static readonly MethodInfo FireMethod = typeof(Counter).GetMethod(nameof(Counter.Fire))!;

    public static ISessionFactory Compile(OurRuleSet ruleSet, Counter counter) =>
        new RuleCompiler().Compile(ruleSet.Rules.Select(r => Map(r, counter)));

    public static object? Get(Fact fact, string path) => path.Contains('.', StringComparison.Ordinal) ? FieldPath.Parse(path).Resolve(fact) : fact[path];

    public static bool IsType(Fact fact, string type) => fact.Type == type;

    /// <summary>How an expression condition is tested on the fact its pattern matches (the Engine's sandbox, in the harness).</summary>
    public static Func<Fact, string, bool>? Expressions { get; set; }

    public static bool Holds(Fact fact, string expression) =>
        (Expressions ?? throw new InvalidOperationException("Set NRulesPeer.Expressions before compiling a rule set with expression conditions."))(fact, expression);

    public static bool IsMarkerOf(Fact fact, string group) => fact.Type == Marker && fact["group"] as string == group;

    public static bool Test(ConditionOperator op, object? left, object? right) => op switch
    {
        ConditionOperator.Equal => ValueSemantics.AreEqual(left, right),
        ConditionOperator.NotEqual => !ValueSemantics.AreEqual(left, right),
        ConditionOperator.LessThan => ValueSemantics.TryCompare(left, right, out var c) && c < 0,
        ConditionOperator.LessThanOrEqual => ValueSemantics.TryCompare(left, right, out var c) && c <= 0,
        ConditionOperator.GreaterThan => ValueSemantics.TryCompare(left, right, out var c) && c > 0,
        ConditionOperator.GreaterThanOrEqual => ValueSemantics.TryCompare(left, right, out var c) && c >= 0,
        ConditionOperator.In => right is IReadOnlyList<object?> items && items.Any(i => ValueSemantics.AreEqual(left, i)),
        ConditionOperator.NotIn => !(right is IReadOnlyList<object?> items && items.Any(i => ValueSemantics.AreEqual(left, i))),
        ConditionOperator.Contains => left is string s ? right is string r && s.Contains(r, StringComparison.Ordinal) : left is IReadOnlyList<object?> list && list.Any(i => ValueSemantics.AreEqual(i, right)),
        _ => throw new NotSupportedException($"The NRules peer has no {op}."),
    };

    private static IRuleDefinition Map(RuleDefinition rule, Counter counter)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(rule.Salience);
        var lhs = builder.LeftHandSide();
        var declared = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        foreach (var element in rule.Conditions)
        {
            var pattern = element as OurPattern ?? throw new NotSupportedException($"The NRules peer maps patterns only, not {element.GetType().Name}.");
            var name = pattern.Variable ?? $"__p{declared.Count}";
            var self = Expression.Parameter(typeof(Fact), name);
            var patternBuilder = lhs.Pattern(typeof(Fact), name);
            patternBuilder.Condition(Expression.Lambda(Expression.Call(IsTypeMethod, self, Expression.Constant(pattern.FactType)), self));
            foreach (var condition in pattern.Conditions)
            {
                if (condition is ExpressionCondition expression)
                {
                    patternBuilder.Condition(Expression.Lambda(Expression.Call(ExpressionMethod, self, Expression.Constant(expression.Expression)), self));
                    continue;
                }

                var field = condition as FieldCondition ?? throw new NotSupportedException($"The NRules peer maps field and expression conditions only, not {condition.GetType().Name}.");
                var parameters = new List<ParameterExpression> { self };
                Expression right = field.Value switch
                {
                    ConstantOperand constant => Expression.Constant(constant.Value, typeof(object)),
                    ReferenceOperand reference when reference.Variable == name => Expression.Call(GetMethod, self, Expression.Constant(reference.Path)),
                    ReferenceOperand reference => Expression.Call(GetMethod, Add(parameters, declared[reference.Variable]), Expression.Constant(reference.Path)),
                    _ => throw new NotSupportedException("The NRules peer maps constants and references only."),
                };
                patternBuilder.Condition(Expression.Lambda(
                    Expression.Call(TestMethod, Expression.Constant(field.Operator), Expression.Call(GetMethod, self, Expression.Constant(field.Path)), right),
                    parameters));
            }

            declared[name] = self;
        }

        if (rule.ExclusiveGroup is { } group)
        {
            var marker = Expression.Parameter(typeof(Fact), "__marker");
            lhs.Not().Pattern(typeof(Fact), marker.Name!).Condition(Expression.Lambda(Expression.Call(MarkerMethod, marker, Expression.Constant(group)), marker));
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(Expression.Constant(counter), FireMethod, context, Expression.Constant(rule)),
            context));
        return builder.Build();
    }

    private static ParameterExpression Add(List<ParameterExpression> parameters, ParameterExpression parameter)
    {
        parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Counts firings and runs each rule's actions.</summary>
    internal sealed class Counter
    {
        public int Firings { get; set; }

        public void Fire(IContext context, RuleDefinition rule)
        {
            Firings++;
            if (rule.ExclusiveGroup is { } group)
            {
                context.Insert(new Fact(Marker, [new("group", group)]));
            }

            foreach (var action in rule.Actions)
            {
                if (action is SetAction set && set.Value is ConstantOperand constant)
                {
                    var fact = (Fact)context.Match.Facts.First(f => f.Declaration.Name == set.Variable).Value!;
                    var path = FieldPath.Parse(set.Path);
                    if (!(path.TryResolve(fact, out var current) && ValueSemantics.AreEqual(current, FactValue.Normalize(constant.Value))))
                    {
                        fact.SetPath(path, constant.Value);
                        context.Update(fact);
                    }
                }
            }
        }
    }
}
