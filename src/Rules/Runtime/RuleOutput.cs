using LowCode.Rules.Facts;

namespace LowCode.Rules.Runtime;

/// <summary>Something a rule emitted (see <see cref="Model.EmitAction"/>), with its evaluated arguments.</summary>
/// <param name="Rule">The rule that emitted it.</param>
/// <param name="Name">The output's name, e.g. <c>goTo</c>.</param>
/// <param name="Arguments">Evaluated argument values.</param>
/// <param name="Facts">The facts the firing activation matched.</param>
public sealed record RuleOutput(
    string Rule,
    string Name,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyList<Fact> Facts);
