using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>A partial match held in the left memory of a join, not, exists or aggregate node, with that node's state.</summary>
internal sealed class MemoryToken(Token? parent, FactHandle? handle, Fact? fact, BetaNode consumer)
    : Token(parent, handle, fact, consumer)
{
    // Membership of the consumer's left memory bucket.
    public TokenList? List { get; set; }

    public MemoryToken? Previous { get; set; }

    public MemoryToken? Next { get; set; }

    public object? LeftKey { get; set; }

    // State kept for the consumer node: match counts (not/exists), matched facts (not/exists/aggregates).
    public int MatchCount { get; set; }

    public List<FactHandle>? Matches { get; set; }
}
