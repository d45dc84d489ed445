using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>
/// A rule matched with one combination of facts, waiting on (or taken off) the agenda. It is the terminal node's
/// token itself, so a complete match costs one object, not two.
/// </summary>
internal sealed class Activation(Token parent, FactHandle? handle, Fact? fact, BetaNode consumer)
    : Token(parent, handle, fact, consumer)
{
    public CompiledRule Rule { get; set; } = null!;

    public Token Token => this;

    /// <summary>Creation order; the last tie-breaker, so that firing order is deterministic.</summary>
    public long Sequence { get; set; }

    /// <summary>The recency of the newest fact in the match.</summary>
    public long Recency { get; set; }

    public int HeapIndex { get; set; } = -1;

    public bool Fired { get; set; }

    /// <summary>The facts' versions when it fired, for refraction.</summary>
    public long FiredStamp { get; set; }

    /// <summary>Cleared when the match is retracted, so a later Deactivate is a no-op.</summary>
    public bool Live { get; set; }

    /// <summary>The fact bound to a variable of the rule.</summary>
    public Fact Get(string variable)
    {
        var slots = Rule.SlotNames;
        for (var i = slots.Length - 1; i >= 0; i--)
        {
            if (string.Equals(slots[i], variable, StringComparison.Ordinal))
            {
                return Ancestor(slots.Length - 1 - i).Fact!;
            }
        }

        throw new ArgumentException(
            $"Rule '{Rule.Name}' binds no variable '{variable}'; it binds: {string.Join(", ", slots.Where(s => s is not null))}.",
            nameof(variable));
    }
}
