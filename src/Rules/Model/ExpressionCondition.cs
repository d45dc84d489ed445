namespace LowCode.Rules.Model;

/// <summary>
/// A condition written as an expression (e.g. JavaScript <c>order.amount &gt; 1000</c>), evaluated by the
/// <see cref="Expressions.IExpressionEvaluator"/> given to the compiler. It sees the pattern's own variable and every
/// variable bound before the pattern. The result must be a boolean.
/// </summary>
public sealed record ExpressionCondition(string Expression) : ConditionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitExpressionCondition(this);
    }
}
