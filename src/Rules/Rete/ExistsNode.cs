using LowCode.Rules.Compilation;

namespace LowCode.Rules.Rete;

/// <summary>Passes a partial match on, once, while at least one fact matches the pattern.</summary>
internal sealed class ExistsNode(int id, int depth, CompiledRule rule, AlphaMemoryNode right, JoinSpec join)
    : QuantifierNode(id, depth, rule, right, join)
{
    protected override bool Holds(int count) => count > 0;
}
