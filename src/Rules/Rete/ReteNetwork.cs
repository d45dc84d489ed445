using LowCode.Rules.Compilation;

namespace LowCode.Rules.Rete;

/// <summary>The compiled, immutable network: type nodes by fact type, node counts for session memories, the rules.</summary>
internal sealed class ReteNetwork(
    IReadOnlyDictionary<string, TypeNode> typeNodes,
    int alphaMemoryCount,
    int betaNodeCount,
    IReadOnlyList<CompiledRule> rules,
    IReadOnlyList<RightInputNode> firstNodes,
    int alphaNodeCount,
    string[] agendaGroups)
{
    public IReadOnlyDictionary<string, TypeNode> TypeNodes { get; } = typeNodes;

    public int AlphaMemoryCount { get; } = alphaMemoryCount;

    public int BetaNodeCount { get; } = betaNodeCount;

    public int AlphaNodeCount { get; } = alphaNodeCount;

    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    /// <summary>Agenda group names by index; index 0 is the main group.</summary>
    public string[] AgendaGroups { get; } = agendaGroups;

    /// <summary>The first node of each rule (its left input is the session root).</summary>
    public IReadOnlyList<RightInputNode> FirstNodes { get; } = firstNodes;
}
