using LowCode.Rules.Rete;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Compilation;

/// <summary>
/// A rule's agenda filter compiled: either a predicate over the activation, or (for a change filter) the keys whose
/// values the session compares with those recorded when the rule last fired for the same facts.
/// </summary>
internal sealed class CompiledFilter(string name, Func<AgendaActivation, bool>? predicate, CompiledOperand[]? keys)
{
    public string Name { get; } = name;

    public Func<AgendaActivation, bool>? Predicate { get; } = predicate;

    public bool IsChangeFilter => keys is not null;

    public object?[] KeyValues(Token token)
    {
        var values = new object?[keys!.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = keys[i].Evaluate(token, null);
        }

        return values;
    }
}
