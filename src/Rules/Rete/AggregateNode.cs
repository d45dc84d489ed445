using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>
/// Aggregates, per partial match, the facts matching the source pattern, and passes the partial match on with a
/// result fact (type <c>aggregate</c>: <c>value</c> and <c>count</c>) when the result conditions hold. A result that
/// does not change is not re-propagated.
/// </summary>
internal sealed class AggregateNode(
    int id,
    int depth,
    CompiledRule rule,
    AlphaMemoryNode right,
    JoinSpec join,
    AggregateKind kind,
    FieldPath? path,
    Func<Token?, Fact, bool>? resultTest,
    string resultDescription)
    : RightInputNode(id, depth, rule, right, join)
{
    public override void LeftActivate(RuleSession session, Token left)
    {
        var token = (MemoryToken)left;
        var memory = session.BetaMemoryOf(this);
        AddLeft(memory, token);
        token.Matches = [];
        var candidates = CandidatesFor(session, memory, token);
        if (candidates is not null)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if (Passes(token, candidates[i].Fact))
                {
                    RecordMatch(memory, token, candidates[i]);
                }
            }
        }

        Publish(session, token, force: true);
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
            if (Passes(token, handle.Fact))
            {
                RecordMatch(memory, token, handle);
                Publish(session, token, force: false);
            }
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
            Publish(session, token, force: false);
        }
    }

    private void Publish(RuleSession session, MemoryToken token, bool force)
    {
        var value = Compute(token.Matches!);
        var count = (long)token.Matches!.Count;
        var previous = token.FirstChild?.Fact;
        if (!force && previous is not null
            && ValueSemantics.AreEqual(previous["value"], value) && previous["count"] is long c && c == count)
        {
            return;
        }

        if (token.FirstChild is not null)
        {
            session.RetractToken(token.FirstChild);
        }

        var result = new Fact(AggregateElement.ResultFactType, [new("value", value), new("count", count)]);
        if (resultTest is null || PassesResult(token, result))
        {
            session.EmitChild(Child!, token, null, result);
        }
    }

    private bool PassesResult(Token token, Fact result)
    {
        try
        {
            return resultTest!(token, result);
        }
        catch (Exception exception) when (exception is not RulesException)
        {
            throw RuleConditionException.Create([Rule.Name], resultDescription, result, token, exception);
        }
    }

    private object? Compute(List<FactHandle> matches)
    {
        switch (kind)
        {
            case AggregateKind.Count:
                return (long)matches.Count;
            case AggregateKind.Collect:
                var facts = new List<object?>(matches.Count);
                foreach (var handle in matches)
                {
                    facts.Add(handle.Fact);
                }

                return facts;
            case AggregateKind.Sum:
                return Sum(matches);
            default:
                return Extreme(matches, kind == AggregateKind.Max ? 1 : -1);
        }
    }

    private object Sum(List<FactHandle> matches)
    {
        long longSum = 0;
        double doubleSum = 0;
        decimal decimalSum = 0;
        var kindSeen = 0; // 0 long, 1 decimal, 2 double: the widest kind seen decides the result's kind
        foreach (var handle in matches)
        {
            switch (path!.Resolve(handle.Fact))
            {
                case long l:
                    longSum += l;
                    break;
                case decimal m:
                    decimalSum += m;
                    kindSeen = Math.Max(kindSeen, 1);
                    break;
                case double d:
                    doubleSum += d;
                    kindSeen = 2;
                    break;
                default:
                    break;
            }
        }

        return kindSeen switch
        {
            0 => longSum,
            1 => longSum + decimalSum,
            _ => longSum + (double)decimalSum + doubleSum,
        };
    }

    private object? Extreme(List<FactHandle> matches, int sign)
    {
        object? best = null;
        foreach (var handle in matches)
        {
            var value = path!.Resolve(handle.Fact);
            if (value is null)
            {
                continue;
            }

            if (best is null || (ValueSemantics.TryCompare(value, best, out var order) && order * sign > 0))
            {
                best = value;
            }
        }

        return best;
    }
}
