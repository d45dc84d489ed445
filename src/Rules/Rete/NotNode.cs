using LowCode.Rules.Compilation;

namespace LowCode.Rules.Rete;

/// <summary>Passes a partial match on while no fact matches the negated pattern.</summary>
internal sealed class NotNode(int id, int depth, CompiledRule rule, AlphaMemoryNode right, JoinSpec join)
    : QuantifierNode(id, depth, rule, right, join)
{
    protected override bool Holds(int count) => count == 0;
}
