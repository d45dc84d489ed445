using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>Something a rule emitted (see <see cref="Model.EmitAction"/>), with its evaluated arguments.</summary>
public sealed class RuleOutput
{
    private Token? _token;
    private IReadOnlyList<Fact>? _facts;

    public RuleOutput(string rule, string name, IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Fact> facts)
    {
        Rule = rule;
        Name = name;
        Arguments = arguments;
        _facts = facts;
    }

    internal RuleOutput(string rule, string name, IReadOnlyDictionary<string, object?> arguments, Token token)
    {
        Rule = rule;
        Name = name;
        Arguments = arguments;
        _token = token;
    }

    /// <summary>The rule that emitted it.</summary>
    public string Rule { get; }

    /// <summary>The output's name, e.g. <c>goTo</c>.</summary>
    public string Name { get; }

    /// <summary>Evaluated argument values.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The facts the firing activation matched, in binding order (read on demand: most hosts never ask).</summary>
    public IReadOnlyList<Fact> Facts
    {
        get
        {
            if (_facts is null)
            {
                _facts = TokenFacts.Of(_token);
                _token = null;
            }

            return _facts;
        }
    }

    public override string ToString() =>
        $"{Rule}: {Name}({string.Join(", ", Arguments.Select(a => $"{a.Key}={FactValue.ToJson(a.Value)}"))})";
}
