namespace LowCode.Rules.Model;

/// <summary>Inserts a new fact of <see cref="FactType"/> whose fields are evaluated from the bound facts (forward chaining).</summary>
public sealed record InsertAction(string FactType, IReadOnlyDictionary<string, Operand> Fields) : ActionElement
{
    public override void Accept(RuleModelVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        visitor.VisitInsert(this);
    }
}
