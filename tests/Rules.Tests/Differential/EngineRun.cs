namespace LowCode.Rules.Tests.Differential;

/// <summary>What one engine did with one rule set and one set of facts, in terms both engines share.</summary>
/// <param name="Firings">Every firing in order.</param>
/// <param name="Outputs">Every emitted output as <c>rule: name {arguments}</c>, in order.</param>
/// <param name="FinalFacts">Each fact's JSON after firing, by fact id.</param>
internal sealed record EngineRun(IReadOnlyList<Firing> Firings, IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, string> FinalFacts);

/// <summary>One firing: the rule, its salience, and the ids of the facts it matched (<c>variable=id</c>, sorted).</summary>
internal sealed record Firing(string Rule, int Salience, string Facts)
{
    public override string ToString() => $"{Rule}({Facts})";
}
