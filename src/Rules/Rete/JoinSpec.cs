using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>
/// How an element's fact is tested against the partial match: the hash-join key on each side (for one
/// <c>path == variable.path</c> condition) and a test for the remaining conditions that involve other facts.
/// </summary>
internal sealed record JoinSpec(
    Func<Token, object>? LeftKey,
    Func<Fact, object>? RightKey,
    Func<Token?, Fact, bool>? Test,
    string Description)
{
    public static JoinSpec None { get; } = new(null, null, null, string.Empty);
}
