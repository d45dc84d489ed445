namespace LowCode.Rules.Rete;

/// <summary>
/// The end of an alpha chain: facts that passed it are stored (per session) and fed to the beta nodes listed in
/// <see cref="Successors"/>, deepest first so that a fact joining with itself is matched exactly once.
/// </summary>
internal sealed class AlphaMemoryNode(int id)
{
    public int Id { get; } = id;

    public List<RightInputNode> Successors { get; } = [];

    /// <summary>
    /// Whether any successor scans the stored facts (an unindexed join, not, exists or aggregate after the first
    /// element). Memories feeding only first elements or hash-indexed nodes skip storing, which saves a set
    /// insertion per fact and memory.
    /// </summary>
    public bool StoresFacts { get; set; }

    /// <summary>
    /// Whether a retraction must visit this memory: it stores facts, or a successor keeps per-fact state (an index,
    /// not/exists counts, aggregate matches). A memory feeding only first-element joins needs no visit: the fact's
    /// tokens are found through its handle.
    /// </summary>
    public bool TracksMembers { get; set; }
}
