namespace LowCode.Rules.Model;

/// <summary>Stops the current <c>Fire</c> after this rule's actions; the rest of the agenda stays pending.</summary>
public sealed record HaltAction : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitHalt(this);
    }
}
