using LowCode.Rules.Compilation;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>A rule matched with one combination of facts, waiting on (or taken off) the agenda.</summary>
internal sealed class Activation(CompiledRule rule, Token token, long sequence, long recency)
{
    public CompiledRule Rule { get; } = rule;

    public Token Token { get; } = token;

    /// <summary>Creation order; the last tie-breaker, so that firing order is deterministic.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The recency of the newest fact in the match.</summary>
    public long Recency { get; } = recency;

    public int HeapIndex { get; set; } = -1;

    public bool Fired { get; set; }

    /// <summary>The facts' versions when it fired, for refraction.</summary>
    public long FiredStamp { get; set; }
}
