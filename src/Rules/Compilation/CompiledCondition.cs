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
    public bool IsConstantEquality { get; init; }
}
