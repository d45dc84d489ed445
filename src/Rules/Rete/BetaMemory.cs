namespace LowCode.Rules.Rete;

/// <summary>
/// A session's state for one beta node: its left tokens (hash-indexed by join key when the node has an equality
/// join), its right facts by key, and, for not/exists/aggregate nodes, which left tokens each right fact matched.
/// </summary>
internal sealed class BetaMemory
{
    public TokenList LeftAll { get; } = new();

    public Dictionary<object, TokenList>? LeftIndex { get; set; }

    public Dictionary<object, List<FactHandle>>? RightIndex { get; set; }

    public Dictionary<FactHandle, object>? RightKeys { get; set; }

    public Dictionary<FactHandle, List<MemoryToken>>? RightMatches { get; set; }
}
