namespace LowCode.Rules.Rete;

/// <summary>An intrusive doubly-linked list of tokens in insertion order (a left memory or one of its index buckets).</summary>
internal sealed class TokenList
{
    public MemoryToken? First { get; private set; }

    public MemoryToken? Last { get; private set; }

    public int Count { get; private set; }

    public void Add(MemoryToken token)
    {
        token.List = this;
        token.Previous = Last;
        token.Next = null;
        if (Last is null)
        {
            First = token;
        }
        else
        {
            Last.Next = token;
        }

        Last = token;
        Count++;
    }

    public void Remove(MemoryToken token)
    {
        if (token.Previous is null)
        {
            First = token.Next;
        }
        else
        {
            token.Previous.Next = token.Next;
        }

        if (token.Next is null)
        {
            Last = token.Previous;
        }
        else
        {
            token.Next.Previous = token.Previous;
        }

        token.List = null;
        token.Previous = null;
        token.Next = null;
        Count--;
    }
}
