namespace LowCode.Rules.Model;

/// <summary>
/// Records a named output with evaluated arguments on the session (<c>RuleSession.Outputs</c>): the way a host
/// learns what the rules decided (go to a step, raise an exception, …) without the engine knowing the domain.
/// </summary>
public sealed record EmitAction(string Name, IReadOnlyDictionary<string, Operand> Arguments) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitEmit(this);
    }
}
