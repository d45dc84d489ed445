using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>The session's one reusable action context, pointed at the activation being fired.</summary>
internal sealed class ActionContext(RuleSession session) : IActionContext
{
    public Activation Activation { get; set; } = null!;

    public Token Token => Activation.Token;

    public string RuleName => Activation.Rule.Name;

    public RuleSession Session { get; } = session;

    public IReadOnlyList<Fact> Facts => TokenFacts.Of(Token);

    public Fact Get(string variable)
    {
        var slots = Activation.Rule.SlotNames;
        for (var i = slots.Length - 1; i >= 0; i--)
        {
            if (string.Equals(slots[i], variable, StringComparison.Ordinal))
            {
                return Token.Ancestor(slots.Length - 1 - i).Fact!;
            }
        }

        throw new ArgumentException(
            $"Rule '{RuleName}' binds no variable '{variable}'; it binds: {string.Join(", ", slots.Where(s => s is not null))}.",
            nameof(variable));
    }

    public void Insert(Fact fact) => Session.Insert(fact);

    public void Update(Fact fact) => Session.Update(fact);

    public void Retract(Fact fact) => Session.Retract(fact);

    public void Emit(string name, IReadOnlyDictionary<string, object?> arguments) =>
        Session.AddOutput(new RuleOutput(RuleName, name, arguments, Token));

    public void Halt() => Session.Halt();
}
