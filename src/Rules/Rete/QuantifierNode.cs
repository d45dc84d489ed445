using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>
/// Counts, per partial match, the facts matching a pattern, and passes the partial match on (with an empty slot)
/// while the count satisfies <see cref="Holds"/>: zero for <c>not</c>, at least one for <c>exists</c>.
/// </summary>
internal abstract class QuantifierNode(int id, int depth, CompiledRule rule, AlphaMemoryNode right, JoinSpec join)
    : RightInputNode(id, depth, rule, right, join)
{
    protected abstract bool Holds(int count);

    public override void LeftActivate(RuleSession session, Token left)
    {
        var token = (MemoryToken)left;
        var memory = session.BetaMemoryOf(this);
        AddLeft(memory, token);
        var candidates = CandidatesFor(session, memory, token);
        var count = 0;
        if (candidates is not null)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if (Passes(token, candidates[i].Fact))
                {
                    RecordMatch(memory, token, candidates[i]);
                    count++;
                }
            }
        }

        token.MatchCount = count;
        if (Holds(count))
        {
            session.EmitChild(Child!, token, null, null);
        }
    }

    public override void LeftRetract(RuleSession session, Token left)
    {
        var token = (MemoryToken)left;
        RemoveLeft(token);
        ForgetMatches(session.BetaMemoryOf(this), token);
    }

    public override void RightActivate(RuleSession session, FactHandle handle)
    {
        var memory = session.BetaMemoryOf(this);
        var tokens = AddRight(memory, handle);
        for (var token = tokens?.First; token is not null; token = token.Next)
        {
            if (!Passes(token, handle.Fact))
            {
                continue;
            }

            RecordMatch(memory, token, handle);
            token.MatchCount++;
            Reconcile(session, token);
        }
    }

    public override void PropagateRightRetract(RuleSession session, FactHandle handle)
    {
        var memory = session.BetaMemoryOf(this);
        if (memory.RightMatches is null || !memory.RightMatches.Remove(handle, out var tokens))
        {
            return;
        }

        foreach (var token in tokens)
        {
            token.Matches!.Remove(handle);
            token.MatchCount--;
            Reconcile(session, token);
        }
    }

    private void Reconcile(RuleSession session, MemoryToken token)
    {
        var holds = Holds(token.MatchCount);
        if (holds && token.FirstChild is null)
        {
            session.EmitChild(Child!, token, null, null);
        }
        else if (!holds && token.FirstChild is not null)
        {
            session.RetractToken(token.FirstChild);
        }
    }
}
