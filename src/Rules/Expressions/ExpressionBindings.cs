using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Expressions;

/// <summary>
/// The facts an expression can see, by variable name, without allocating: a view over the partial match being
/// tested (earlier patterns) and the candidate fact (the pattern being matched).
/// </summary>
public readonly struct ExpressionBindings
{
    private readonly string?[] _names;
    private readonly Token? _token;
    private readonly Fact? _candidate;

    internal ExpressionBindings(string?[] names, Token? token, Fact? candidate)
    {
        _names = names;
        _token = token;
        _candidate = candidate;
    }

    /// <summary>The number of binding slots (some may be unnamed, for <c>not</c> and <c>exists</c>).</summary>
    public int Count => _names.Length;

    /// <summary>The variable name at a slot, or null for an unnamed slot.</summary>
    public string? NameAt(int index) => _names[index];

    /// <summary>The fact at a slot, or null for an unnamed slot.</summary>
    public Fact? FactAt(int index)
    {
        var own = _names.Length - 1;
        if (index == own && _candidate is not null)
        {
            return _candidate;
        }

        var ownDepth = _candidate is null ? _names.Length : own;
        return _token?.Ancestor(ownDepth - 1 - index).Fact;
    }

    /// <summary>Finds a fact by variable name.</summary>
    public bool TryGetFact(string name, out Fact fact)
    {
        for (var i = _names.Length - 1; i >= 0; i--)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal) && FactAt(i) is { } found)
            {
                fact = found;
                return true;
            }
        }

        fact = null!;
        return false;
    }
}
