using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>
/// A partial match: the facts bound by the elements up to this one, as a chain of parents. Lists are intrusive
/// (no per-token list allocations): a token sits in its parent's children and in its fact handle's token list,
/// and is unlinked from both in O(1). Tokens waiting in a node's left memory are <see cref="MemoryToken"/>s;
/// complete matches are <see cref="Runtime.Activation"/>s, so each kind carries only the fields it needs.
/// </summary>
internal class Token(Token? parent, FactHandle? handle, Fact? fact, BetaNode? consumer)
{
    public Token? Parent { get; } = parent;

    /// <summary>The session fact joined at this level, or null (not/exists levels, aggregate results, the root).</summary>
    public FactHandle? Handle { get; } = handle;

    /// <summary>The fact bound at this level (an aggregate result is a fact too); null for not/exists levels.</summary>
    public Fact? Fact { get; } = fact;

    /// <summary>The node whose left input holds this token.</summary>
    public BetaNode? Consumer { get; } = consumer;

    // Children produced from this token by its consumer.
    public Token? FirstChild { get; set; }

    public Token? PreviousSibling { get; set; }

    public Token? NextSibling { get; set; }

    // Membership of the handle's list of tokens that joined it.
    public Token? PreviousOfHandle { get; set; }

    public Token? NextOfHandle { get; set; }

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
