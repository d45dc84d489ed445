namespace LowCode.Rules.Model;

/// <summary>
/// A structured condition <c>path op value</c> on the pattern's fact, compiled to a delegate.
/// </summary>
/// <param name="Path">Dotted path into the fact, e.g. <c>customer.address.country</c>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The operand (null for <c>isEmpty</c>/<c>isNotEmpty</c>); a constant, a reference to a bound fact, or an expression.</param>
/// <param name="UpperValue">The upper bound of <c>between</c>.</param>
public sealed record FieldCondition(string Path, ConditionOperator Operator, Operand? Value = null, Operand? UpperValue = null)
    : ConditionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitFieldCondition(this);
    }
}
