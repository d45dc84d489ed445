using LowCode.Rules.Facts;
using LowCode.Rules.Model;

namespace LowCode.Rules.Runtime;

/// <summary>
/// What an agenda filter sees of an activation: the rule and the matched facts. The session reuses one instance,
/// so it is valid only during the filter call.
/// </summary>
public sealed class AgendaActivation
{
    internal AgendaActivation(RuleSession session)
    {
        Session = session;
    }

    /// <summary>The session the activation belongs to (read it; do not change it from a filter).</summary>
    public RuleSession Session { get; }

    /// <summary>The rule as defined (name, salience, tags, groups).</summary>
    public RuleDefinition Rule => Activation.Rule.Definition;

    public string RuleName => Activation.Rule.Name;

    /// <summary>The rule's tags.</summary>
    public IReadOnlyList<string> Tags => Activation.Rule.Definition.Tags;

    /// <summary>The matched facts in binding order (aggregate results included).</summary>
    public IReadOnlyList<Fact> Facts => Rete.TokenFacts.Of(Activation);

    internal Activation Activation { get; set; } = null!;

    /// <summary>The fact bound to a variable; throws when the rule binds no such variable.</summary>
    public Fact Get(string variable) => Activation.Get(variable);
}
