using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>
/// One single-fact condition in the alpha network, shared by every rule whose pattern starts with the same
/// conditions on the same type (<see cref="Signature"/> identifies it).
/// </summary>
internal sealed class AlphaNode(string signature, string description, Func<Token?, Fact, bool> test)
{
    public string Signature { get; } = signature;

    /// <summary>The condition as written, for error messages.</summary>
    public string Description { get; } = description;

    public Func<Token?, Fact, bool> Test { get; } = test;

    /// <summary>The rules sharing this node, named when its condition throws.</summary>
    public List<string> RuleNames { get; } = [];

    public List<AlphaNode> Children { get; } = [];

    public AlphaMemoryNode? Memory { get; set; }

    /// <summary>Set for <c>path == literal</c> nodes, which can be reached by hash lookup.</summary>
    public FieldPath? EqualityPath { get; init; }

    public object? EqualityKey { get; init; }

    /// <summary>How facts passing this node reach its children (built when compilation finishes).</summary>
    public AlphaDispatch Dispatch { get; set; } = AlphaDispatch.Empty;
}
