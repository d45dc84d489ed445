using LowCode.Rules.Runtime;

namespace LowCode.Rules.Model;

/// <summary>Runs host code; <see cref="Description"/> names it in traces and errors.</summary>
public sealed record DelegateAction(string Description, Action<IActionContext> Body) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitDelegate(this);
    }
}
