using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>Reads the facts of a partial match in binding order (only off the hot path: errors, traces, actions).</summary>
internal static class TokenFacts
{
    public static Fact[] Of(Token? token)
    {
        var count = 0;
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Fact is not null)
            {
                count++;
            }
        }

        var facts = new Fact[count];
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Fact is not null)
            {
                facts[--count] = current.Fact;
            }
        }

        return facts;
    }
}
