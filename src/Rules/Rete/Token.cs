using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>
/// A partial match: the facts bound by the first <see cref="Depth"/>+1 elements of one rule, as a chain of parents.
/// Lists are intrusive (no per-token list allocations): a token sits in its consumer's left memory, in its
/// parent's children and in its fact handle's token list, and is unlinked from all three in O(1).
/// </summary>
internal class Token
{
    public Token(Token? parent, FactHandle? handle, Fact? fact, BetaNode? consumer)
    {
        Parent = parent;
        Handle = handle;
        Fact = fact;
        Consumer = consumer;
        Depth = parent is null ? -1 : parent.Depth + 1;
    }

    public Token? Parent { get; }

    /// <summary>The session fact joined at this level, or null (not/exists levels, aggregate results, the root).</summary>
    public FactHandle? Handle { get; }

    /// <summary>The fact bound at this level (an aggregate result is a fact too); null for not/exists levels.</summary>
    public Fact? Fact { get; set; }

    /// <summary>The element index this token ends at; the root is -1.</summary>
    public int Depth { get; }

    /// <summary>The node whose left input holds this token.</summary>
    public BetaNode? Consumer { get; }

    public bool Removed { get; set; }

    // Membership of the consumer's left memory bucket.
    public TokenList? List { get; set; }

    public Token? Previous { get; set; }

    public Token? Next { get; set; }

    public object? LeftKey { get; set; }

    // Children produced from this token by its consumer.
    public Token? FirstChild { get; set; }

    public Token? PreviousSibling { get; set; }

    public Token? NextSibling { get; set; }

    // Membership of the handle's list of tokens that joined it.
    public Token? PreviousOfHandle { get; set; }

    public Token? NextOfHandle { get; set; }

    // State kept for the consumer node: match counts (not/exists), matched facts (aggregates), activation (terminal).
    public int MatchCount { get; set; }

    public List<FactHandle>? Matches { get; set; }

    /// <summary>The token <paramref name="steps"/> levels up (0 is this token).</summary>
    public Token Ancestor(int steps)
    {
        var token = this;
        for (var i = 0; i < steps; i++)
        {
            token = token.Parent!;
        }

        return token;
    }

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        if (FirstChild is not null)
        {
            FirstChild.PreviousSibling = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PreviousSibling is not null)
        {
            child.PreviousSibling.NextSibling = child.NextSibling;
        }
        else
        {
            FirstChild = child.NextSibling;
        }

        if (child.NextSibling is not null)
        {
            child.NextSibling.PreviousSibling = child.PreviousSibling;
        }

        child.PreviousSibling = null;
        child.NextSibling = null;
    }
}
