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

    public Fact Get(string variable) => Activation.Get(variable);

    public void Insert(Fact fact) => Session.Insert(fact);

    public void Update(Fact fact) => Session.Update(fact);

    public void Retract(Fact fact) => Session.Retract(fact);

    public void Emit(string name, IReadOnlyDictionary<string, object?> arguments) =>
        Session.AddOutput(new RuleOutput(RuleName, name, arguments, Token));

    public void Halt() => Session.Halt();

    public void SetFocus(string group) => Session.SetFocus(group);
}
