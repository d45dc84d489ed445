using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Differential;

/// <summary>One condition of the NRules mapping, called from the lambda NRules compiles, with the facts it reads.</summary>
internal sealed class ConditionTest(
    OracleSemantics semantics,
    OracleExpression? expressions,
    ConditionElement condition,
    string? selfVariable,
    AggregateElement? aggregate,
    (string Name, AggregateElement? Aggregate)[] outer)
{
    public bool Test(object self, object[] outerValues)
    {
        var candidate = aggregate is null ? (Fact)self : OracleSemantics.Aggregate(aggregate.Kind, aggregate.Path, [.. (IEnumerable<Fact>)self]);
        var bound = new List<(string Name, Fact Fact)>(outer.Length + 1);
        for (var i = 0; i < outer.Length; i++)
        {
            bound.Add((outer[i].Name, NRulesRuleSet.AsFact(outerValues[i], outer[i].Aggregate)));
        }

        return Holds(condition, candidate, bound);
    }

    private bool Holds(ConditionElement element, Fact candidate, List<(string Name, Fact Fact)> bound) => element switch
    {
        FieldCondition field => semantics.Test(field, candidate, operand => Value(operand, candidate, bound)),
        AllCondition all => all.Conditions.All(c => Holds(c, candidate, bound)),
        AnyCondition any => any.Conditions.Any(c => Holds(c, candidate, bound)),
        ExpressionCondition expression => Evaluate(expression.Expression, candidate, bound) is true,
        _ => throw new NotSupportedException($"The NRules mapping has no {element.GetType().Name}."),
    };

    private object? Value(Operand operand, Fact candidate, List<(string Name, Fact Fact)> bound) => operand switch
    {
        ConstantOperand constant => constant.Value,
        ReferenceOperand reference when reference.Variable == selfVariable || (aggregate is not null && reference.Variable == aggregate.Variable) =>
            OracleSemantics.Resolve(candidate, reference.Path),
        ReferenceOperand reference => OracleSemantics.Resolve(bound.Last(b => b.Name == reference.Variable).Fact, reference.Path),
        ExpressionOperand expression => Evaluate(expression.Expression, candidate, bound),
        _ => throw new NotSupportedException($"The NRules mapping has no {operand.GetType().Name}."),
    };

    private object? Evaluate(string expression, Fact candidate, List<(string Name, Fact Fact)> bound)
    {
        if (expressions is null)
        {
            throw new NotSupportedException("This mapping was built without an expression evaluator.");
        }

        var scope = selfVariable is null ? bound : [.. bound, (selfVariable, candidate)];
        return expressions(expression, selfVariable is null ? candidate : null, scope);
    }
}
