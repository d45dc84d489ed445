using LowCode.Rules.Facts;

namespace LowCode.Rules.Runtime;

/// <summary>What a firing rule's actions can see and do. Valid only while the action runs.</summary>
public interface IActionContext
{
    /// <summary>The firing rule's name.</summary>
    string RuleName { get; }

    /// <summary>The session the rule fires in.</summary>
    RuleSession Session { get; }

    /// <summary>The fact bound to a variable; throws when the rule binds no such variable.</summary>
    Fact Get(string variable);

    /// <summary>The matched facts in binding order (aggregate results included).</summary>
    IReadOnlyList<Fact> Facts { get; }

    void Insert(Fact fact);

    void Update(Fact fact);

    void Retract(Fact fact);

    /// <summary>Records an output (like <see cref="Model.EmitAction"/>).</summary>
    void Emit(string name, IReadOnlyDictionary<string, object?> arguments);

    /// <summary>Stops firing after this rule's actions.</summary>
    void Halt();

    /// <summary>Gives an agenda group the focus (like <see cref="Model.FocusAction"/>); see <see cref="RuleSession.SetFocus(string)"/>.</summary>
    void SetFocus(string group) => Session.SetFocus(group);
}
