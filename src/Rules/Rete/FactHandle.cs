using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>A session's record of one inserted fact: its recency, the alpha memories holding it and the tokens joining it.</summary>
internal sealed class FactHandle
{
    public FactHandle(Fact fact, long id, long recency)
    {
        Fact = fact;
        Id = id;
        Recency = recency;
    }

    public Fact Fact { get; }

    /// <summary>Stable for the life of the handle.</summary>
    public long Id { get; }

    /// <summary>Bumped by every update; the agenda prefers activations over more recent facts.</summary>
    public long Recency { get; set; }

    /// <summary>The alpha memories a retraction must visit (allocated on first need).</summary>
    public List<AlphaMemoryNode>? Memories { get; set; }

    public Token? FirstToken { get; private set; }

    public void AddToken(Token token)
    {
        token.NextOfHandle = FirstToken;
        if (FirstToken is not null)
        {
            FirstToken.PreviousOfHandle = token;
        }

        FirstToken = token;
    }

    public void RemoveToken(Token token)
    {
        if (token.PreviousOfHandle is not null)
        {
            token.PreviousOfHandle.NextOfHandle = token.NextOfHandle;
        }
        else
        {
            FirstToken = token.NextOfHandle;
        }

        if (token.NextOfHandle is not null)
        {
            token.NextOfHandle.PreviousOfHandle = token.PreviousOfHandle;
        }

        token.PreviousOfHandle = null;
        token.NextOfHandle = null;
    }
}
