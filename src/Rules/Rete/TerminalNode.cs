using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>The end of a rule's chain: a complete match becomes an activation on the agenda.</summary>
internal sealed class TerminalNode(int id, int depth, CompiledRule rule) : BetaNode(id, depth, rule)
{
    public override void LeftActivate(RuleSession session, Token token) => session.Activate(Rule, token);

    public override void LeftRetract(RuleSession session, Token token) => session.Deactivate(token);
}
