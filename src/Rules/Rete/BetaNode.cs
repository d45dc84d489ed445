using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>A node of one rule's beta chain; its left input is the partial matches of the elements before it.</summary>
internal abstract class BetaNode(int id, int depth, CompiledRule rule)
{
    public int Id { get; } = id;

    /// <summary>The index of the rule element this node matches.</summary>
    public int Depth { get; } = depth;

    public CompiledRule Rule { get; } = rule;

    /// <summary>Where matches go next (the next element's node, or the terminal).</summary>
    public BetaNode? Child { get; set; }

    /// <summary>A partial match arrives from the left.</summary>
    public abstract void LeftActivate(RuleSession session, Token token);

    /// <summary>A partial match held by this node is being removed (its descendants are already gone).</summary>
    public abstract void LeftRetract(RuleSession session, Token token);
}
