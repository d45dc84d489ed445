namespace LowCode.Rules.Model;

/// <summary>
/// An expression over every variable the rule binds, evaluated by the pluggable evaluator when an activation is
/// created; it must return a boolean, and <c>false</c> keeps the activation off the agenda.
/// </summary>
public sealed record ExpressionFilter(string Expression) : FilterElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitExpressionFilter(this);
    }
}
