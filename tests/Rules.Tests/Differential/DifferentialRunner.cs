using LowCode.Rules.Compilation;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// Feeds the same facts to LowCode.Rules and to NRules and compares what fired, the outputs and the final facts.
/// Both must make the same firings (rule and facts). Order is compared where both engines define it: without
/// forward chaining every activation exists before the first firing, so the sequence of saliences must be the same.
/// Among equal saliences NRules fires first-in-first-out and we fire by recency, then rule order (a documented
/// difference, counted rather than failed); with chaining, which tied activation fires first decides which fact a
/// chain moves on first, and so when higher-salience rules re-fire, so there only the firings, the outputs and the
/// final facts are compared.
/// </summary>
internal static class DifferentialRunner
{
    public static EngineRun RunOurs(CompiledRuleSet compiled, IEnumerable<Fact> facts)
    {
        var session = compiled.CreateSession(new SessionOptions { Trace = true });
        var copies = facts.Select(NRulesRuleSet.Copy).ToList();
        session.InsertAll(copies);
        session.Fire();
        var firings = session.Trace!.Entries
            .Where(e => e.Kind == TraceEventKind.Fired)
            .Select(e => new Firing(
                e.Rule,
                e.Salience,
                string.Join(",", e.Facts
                    .Where(f => f.Variable is not null && f.Type != AggregateElement.ResultFactType)
                    .Select(f => $"{f.Variable}={f.Id}")
                    .Order(StringComparer.Ordinal))))
            .ToList();
        var outputs = session.Outputs.Select(o => $"{o.Rule}: {o.Name} {new Fact("arguments", o.Arguments).ToJson()}").ToList();
        return new EngineRun(firings, outputs, copies.ToDictionary(f => f.Id!, f => f.ToJson(), StringComparer.Ordinal));
    }

    public static Comparison Compare(EngineRun ours, EngineRun nrules, bool chains)
    {
        var problems = new List<string>();
        var ourSaliences = ours.Firings.Select(f => f.Salience);
        var theirSaliences = nrules.Firings.Select(f => f.Salience);
        if (!ours.Firings.Select(f => f.ToString()).Order(StringComparer.Ordinal).SequenceEqual(nrules.Firings.Select(f => f.ToString()).Order(StringComparer.Ordinal)))
        {
            problems.Add($"firings differ: ours [{string.Join(", ", ours.Firings)}], NRules [{string.Join(", ", nrules.Firings)}]");
        }
        else if (!chains && !ourSaliences.SequenceEqual(theirSaliences))
        {
            problems.Add($"salience order differs: ours [{string.Join(", ", ours.Firings.Select(f => $"{f}@{f.Salience}"))}], NRules [{string.Join(", ", nrules.Firings.Select(f => $"{f}@{f.Salience}"))}]");
        }

        var tieOrder = problems.Count == 0 && !ours.Firings.SequenceEqual(nrules.Firings);

        if (!ours.Outputs.Order(StringComparer.Ordinal).SequenceEqual(nrules.Outputs.Order(StringComparer.Ordinal)))
        {
            problems.Add($"outputs differ: ours [{string.Join("; ", ours.Outputs)}], NRules [{string.Join("; ", nrules.Outputs)}]");
        }

        foreach (var (id, json) in ours.FinalFacts)
        {
            if (nrules.FinalFacts.GetValueOrDefault(id) != json)
            {
                problems.Add($"final fact {id} differs: ours {json}, NRules {nrules.FinalFacts.GetValueOrDefault(id)}");
            }
        }

        return new Comparison(problems, tieOrder);
    }
}

/// <summary>The disagreements of one differential run, and whether equal-salience firings came in another order.</summary>
internal sealed record Comparison(IReadOnlyList<string> Problems, bool TieOrderDiffers)
{
    public bool Agrees => Problems.Count == 0;
}
