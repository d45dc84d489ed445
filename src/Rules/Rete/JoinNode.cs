using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>Joins each partial match with each fact of a pattern that passes the join tests (a positive pattern).</summary>
internal sealed class JoinNode(int id, int depth, CompiledRule rule, AlphaMemoryNode right, JoinSpec join)
    : RightInputNode(id, depth, rule, right, join)
{
    public override void LeftActivate(RuleSession session, Token left)
    {
        var token = (MemoryToken)left;
        var memory = session.BetaMemoryOf(this);
        AddLeft(memory, token);
        var candidates = CandidatesFor(session, memory, token);
        if (candidates is null)
        {
            return;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var handle = candidates[i];
            if (Passes(token, handle.Fact))
            {
                session.EmitChild(Child!, token, handle, handle.Fact);
            }
        }
    }

    public override void LeftRetract(RuleSession session, Token token) => RemoveLeft((MemoryToken)token);

    public override void RightActivate(RuleSession session, FactHandle handle)
    {
        if (IsFirst)
        {
            // The root is the only left token of a first element: no left memory needed.
            if (Passes(session.Root, handle.Fact))
            {
                session.EmitChild(Child!, session.Root, handle, handle.Fact);
            }

            return;
        }

        var tokens = AddRight(session.BetaMemoryOf(this), handle);
        for (var token = tokens?.First; token is not null; token = token.Next)
        {
            if (Passes(token, handle.Fact))
            {
                session.EmitChild(Child!, token, handle, handle.Fact);
            }
        }
    }

    public override void RemoveRight(RuleSession session, FactHandle handle)
    {
        if (!IsFirst)
        {
            base.RemoveRight(session, handle);
        }
    }
}
