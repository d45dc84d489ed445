namespace LowCode.Rules.Rete;

/// <summary>The entry of the alpha network for one fact type: every inserted fact of the type starts here.</summary>
internal sealed class TypeNode(string factType)
{
    public string FactType { get; } = factType;

    public List<AlphaNode> Children { get; } = [];

    /// <summary>The memory of patterns with no alpha conditions on this type.</summary>
    public AlphaMemoryNode? Memory { get; set; }

    /// <summary>How facts of this type reach the first alpha nodes (built when compilation finishes).</summary>
    public AlphaDispatch Dispatch { get; set; } = AlphaDispatch.Empty;
}
