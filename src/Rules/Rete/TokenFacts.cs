using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>Reads the facts of a partial match in binding order (only off the hot path: errors, traces, actions).</summary>
internal static class TokenFacts
{
    public static IReadOnlyList<Fact> Of(Token? token)
    {
        var facts = new List<Fact>();
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Fact is not null)
            {
                facts.Add(current.Fact);
            }
        }

        facts.Reverse();
        return facts;
    }
}
