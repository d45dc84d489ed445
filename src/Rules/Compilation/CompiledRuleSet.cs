using LowCode.Rules.Model;
using LowCode.Rules.Rete;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Compilation;

/// <summary>
/// A rule set compiled to a Rete network. Immutable and thread-safe: compile once per version, then create any
/// number of sessions from any number of threads.
/// </summary>
public sealed class CompiledRuleSet
{
    internal CompiledRuleSet(RuleSetDefinition definition, ReteNetwork network)
    {
        Definition = definition;
        Network = network;
    }

    public RuleSetDefinition Definition { get; }

    public string Name => Definition.Name;

    public long Version => Definition.Version;

    /// <summary>How many alpha (single-fact condition) nodes the network has; shared conditions count once.</summary>
    public int AlphaNodeCount => Network.AlphaNodeCount;

    /// <summary>How many beta nodes (joins, not, exists, aggregates, terminals) the network has.</summary>
    public int BetaNodeCount => Network.BetaNodeCount;

    /// <summary>The agenda groups the rules belong to, <see cref="Model.AgendaGroups.Main"/> first.</summary>
    public IReadOnlyList<string> AgendaGroups => Network.AgendaGroups;

    internal ReteNetwork Network { get; }

    /// <summary>Creates an empty session over this rule set.</summary>
    public RuleSession CreateSession(SessionOptions? options = null) => new(this, options ?? SessionOptions.Default);
}
