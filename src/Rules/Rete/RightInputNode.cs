using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Rete;

/// <summary>
/// A beta node that also takes facts from an alpha memory on its right: joins, not, exists and aggregates.
/// When the element has an equality join (<c>path == otherVariable.path</c>) both sides are hash-indexed by the
/// join key, so a new fact meets only the partial matches with the same key.
/// </summary>
internal abstract class RightInputNode(int id, int depth, CompiledRule rule, AlphaMemoryNode right, JoinSpec join)
    : BetaNode(id, depth, rule)
{
    public AlphaMemoryNode Right { get; } = right;

    public JoinSpec Join { get; } = join;

    /// <summary>True when the left input is the session root (the rule's first element).</summary>
    public bool IsFirst => Depth == 0;

    public bool IsIndexed => Join.LeftKey is not null;

    /// <summary>A fact entered the right alpha memory.</summary>
    public abstract void RightActivate(RuleSession session, FactHandle handle);

    /// <summary>First phase of a retraction: forget the fact's index entries (no propagation).</summary>
    public virtual void RemoveRight(RuleSession session, FactHandle handle)
    {
        if (!IsIndexed)
        {
            return;
        }

        var memory = session.BetaMemoryOf(this);
        if (memory.RightKeys!.Remove(handle, out var key) && memory.RightIndex!.TryGetValue(key, out var bucket))
        {
            bucket.Remove(handle);
        }
    }

    /// <summary>Second phase of a retraction, after every memory forgot the fact: propagate consequences.</summary>
    public virtual void PropagateRightRetract(RuleSession session, FactHandle handle)
    {
    }

    protected void AddLeft(BetaMemory memory, MemoryToken token)
    {
        if (Join.LeftKey is null)
        {
            memory.LeftAll.Add(token);
            return;
        }

        var key = Join.LeftKey(token);
        token.LeftKey = key;
        memory.LeftIndex ??= [];
        if (!memory.LeftIndex.TryGetValue(key, out var bucket))
        {
            bucket = new TokenList();
            memory.LeftIndex[key] = bucket;
        }

        bucket.Add(token);
    }

    protected static void RemoveLeft(MemoryToken token) => token.List?.Remove(token);

    /// <summary>Records a new right fact and returns the left tokens it may join with (null when none).</summary>
    protected TokenList? AddRight(BetaMemory memory, FactHandle handle)
    {
        if (Join.RightKey is null)
        {
            return memory.LeftAll;
        }

        var key = Join.RightKey(handle.Fact);
        memory.RightKeys ??= [];
        memory.RightIndex ??= [];
        memory.RightKeys[handle] = key;
        if (!memory.RightIndex.TryGetValue(key, out var bucket))
        {
            bucket = [];
            memory.RightIndex[key] = bucket;
        }

        bucket.Add(handle);
        return memory.LeftIndex is not null && memory.LeftIndex.TryGetValue(key, out var tokens) ? tokens : null;
    }

    /// <summary>The right facts a left token may join with.</summary>
    protected List<FactHandle>? CandidatesFor(RuleSession session, BetaMemory memory, MemoryToken token)
    {
        if (Join.LeftKey is null)
        {
            return session.AlphaMemoryOf(Right).Facts;
        }

        return memory.RightIndex is not null && memory.RightIndex.TryGetValue(token.LeftKey!, out var bucket) ? bucket : null;
    }

    /// <summary>Runs the element's join tests, naming the rule and facts if a condition throws.</summary>
    protected bool Passes(Token token, Fact fact)
    {
        var test = Join.Test;
        if (test is null)
        {
            return true;
        }

        try
        {
            return test(token, fact);
        }
        catch (Exception exception) when (exception is not RulesException)
        {
            throw RuleConditionException.Create([Rule.Name], Join.Description, fact, token, exception);
        }
    }

    protected static void RecordMatch(BetaMemory memory, MemoryToken token, FactHandle handle)
    {
        (token.Matches ??= []).Add(handle);
        memory.RightMatches ??= [];
        if (!memory.RightMatches.TryGetValue(handle, out var tokens))
        {
            tokens = [];
            memory.RightMatches[handle] = tokens;
        }

        tokens.Add(token);
    }

    protected static void ForgetMatches(BetaMemory memory, MemoryToken token)
    {
        if (token.Matches is null || memory.RightMatches is null)
        {
            return;
        }

        foreach (var handle in token.Matches)
        {
            if (memory.RightMatches.TryGetValue(handle, out var tokens))
            {
                tokens.Remove(token);
                if (tokens.Count == 0)
                {
                    memory.RightMatches.Remove(handle);
                }
            }
        }

        token.Matches = null;
    }
}
