using LowCode.Rules.Expressions;

namespace LowCode.Rules.Compilation;

/// <summary>
/// The variables visible where a condition or action is compiled, and where each one sits in a partial match.
/// In a condition the last slot is the candidate fact being tested and the partial match holds the slots before
/// it; in an action the partial match holds every slot.
/// </summary>
internal sealed class CompilationScope
{
    private readonly Dictionary<string, int> _slots;

    public CompilationScope(string?[] names, IReadOnlyDictionary<string, int> visible, bool hasCandidate, IExpressionEvaluator? evaluator)
    {
        Names = names;
        HasCandidate = hasCandidate;
        Evaluator = evaluator;
        _slots = new Dictionary<string, int>(visible, StringComparer.Ordinal);
        if (hasCandidate && names[^1] is { } own)
        {
            _slots[own] = names.Length - 1;
        }
    }

    /// <summary>Binding names by slot, as expressions see them.</summary>
    public string?[] Names { get; }

    public bool HasCandidate { get; }

    public IExpressionEvaluator? Evaluator { get; }

    public int OwnSlot => HasCandidate ? Names.Length - 1 : -1;

    public string? OwnVariable => HasCandidate ? Names[^1] : null;

    public IReadOnlyList<string> VisibleVariables =>
        [.. _slots.OrderBy(pair => pair.Value).Select(pair => pair.Key)];

    public bool TryGetSlot(string variable, out int slot) => _slots.TryGetValue(variable, out slot);

    /// <summary>How many parent steps lead from the partial-match token to <paramref name="slot"/>.</summary>
    public int StepsTo(int slot) => (HasCandidate ? Names.Length - 2 : Names.Length - 1) - slot;
}
