using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Compilation;

/// <summary>A condition compiled to a delegate; alpha conditions read only the candidate fact.</summary>
internal sealed record CompiledCondition(
    Func<Token?, Fact, bool> Test,
    bool IsAlpha,
    string Signature,
    string Description)
{
    /// <summary>A <c>path == literal</c> test: cheap and the most likely to be shared, so alpha chains start with these.</summary>
    public bool IsConstantEquality => EqualityPath is not null;

    /// <summary>For <c>path == literal</c>: the path, so sibling alpha nodes can be dispatched by hash.</summary>
    public FieldPath? EqualityPath { get; init; }

    /// <summary>For <c>path == literal</c>: the literal's index key.</summary>
    public object? EqualityKey { get; init; }
}
