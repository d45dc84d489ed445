using System.Diagnostics;
using System.Globalization;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;
using NRules;

namespace LowCode.Rules.Benchmarks.Peers;

/// <summary>
/// LowCode.Rules and NRules 1.0.4 side by side in one process, on the same rule sets and facts: the three scenarios,
/// one seed-like routing decision, and compiling that rule set. Each round measures every case of both engines in
/// turn (interleaved, so a busy machine slows both alike) by process CPU time; the report gives the median over
/// rounds and checks that both fired the same number of rules.
/// </summary>
internal static class PeerHarness
{
    private static readonly SessionOptions Bulk = new() { MaxFirings = int.MaxValue };

    public static void Run(int rounds)
    {
        var cases = new List<(string Name, string Unit, Func<(double Cpu, int Firings)> Ours, Func<(double Cpu, int Firings)> NRules)>();
        foreach (var name in new[] { "one-type-100-rules", "join-1000x1000", "chain-1000x5" })
        {
            var scenario = JsonRulesScenario.Load(name);
            var ours = RuleSetCompiler.Compile(scenario.Rules);
            var counter = new NRulesPeer.Counter();
            var theirs = NRulesPeer.Compile(scenario.Rules, counter);
            cases.Add((name, "ms", () => Measure(1, scenario.BuildFacts, facts =>
            {
                var session = ours.CreateSession(Bulk);
                session.InsertAll(facts);
                return session.Fire();
            }), () => Measure(1, scenario.BuildFacts, facts => FireNRules(theirs, counter, facts))));
        }

        var routing = RoutingRuleSet.Build();
        var compiled = RuleSetCompiler.Compile(routing);
        var routingCounter = new NRulesPeer.Counter();
        var routingFactory = NRulesPeer.Compile(routing, routingCounter);
        const int Decisions = 2000;
        cases.Add(("routing decision, 10 rules", "µs", () => PerItem(Decisions, 1000, () =>
        {
            var session = compiled.CreateSession();
            session.InsertAll(RoutingRuleSet.DecisionFacts());
            return session.Fire();
        }), () => PerItem(Decisions, 1000, () => FireNRules(routingFactory, routingCounter, RoutingRuleSet.DecisionFacts()))));
        var scripted = ScriptedDecision.Load();
        var scriptedCounter = new NRulesPeer.Counter();
        var scriptedFactory = NRulesPeer.Compile(scripted.Model, scriptedCounter);
        cases.Add(("routing decision with a JavaScript condition (seed onboarding-risk)", "µs", () => PerItem(Decisions, 1000, () =>
        {
            var session = scripted.Ours.CreateSession();
            session.InsertAll(ScriptedDecision.Facts());
            return session.Fire();
        }), () => PerItem(Decisions, 1000, () => FireNRules(scriptedFactory, scriptedCounter, ScriptedDecision.Facts()))));
        const int Compiles = 5;
        cases.Add(("compile the 10-rule set", "ms", () => PerItem(Compiles, 1, () => RuleSetCompiler.Compile(routing).BetaNodeCount & 0),
            () => PerItem(Compiles, 1, () => NRulesPeer.Compile(routing, new NRulesPeer.Counter()).GetHashCode() & 0)));

        var results = cases.ToDictionary(c => c.Name, _ => (Ours: new List<double>(), NRules: new List<double>(), OurFirings: 0, TheirFirings: 0));
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var (name, _, ours, nrules) in cases)
            {
                var a = ours();
                var b = nrules();
                if (round == 0)
                {
                    continue; // warm-up: JIT and tiering
                }

                var entry = results[name];
                entry.Ours.Add(a.Cpu);
                entry.NRules.Add(b.Cpu);
                results[name] = entry with { OurFirings = a.Firings, TheirFirings = b.Firings };
            }
        }

        Console.WriteLine("| scenario | LowCode.Rules | NRules 1.0.4 (RuleBuilder over the same facts) | NRules / ours | firings (ours / NRules) |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (name, unit, _, _) in cases)
        {
            var (ours, nrules, ourFirings, theirFirings) = results[name];
            var (a, b) = (Median(ours), Median(nrules));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {a:F2} {unit} | {b:F2} {unit} | {b / a:F1}× | {ourFirings} / {theirFirings} |"));
        }
    }

    private static int FireNRules(ISessionFactory factory, NRulesPeer.Counter counter, IEnumerable<Fact> facts)
    {
        counter.Firings = 0;
        var session = factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return counter.Firings;
    }

    /// <summary>CPU milliseconds of one run over freshly built facts (facts are mutable; building them is not timed).</summary>
    private static (double, int) Measure(int repeat, Func<List<Fact>> build, Func<List<Fact>, int> run)
    {
        var facts = build();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var firings = 0;
        for (var i = 0; i < repeat; i++)
        {
            firings = run(facts);
        }

        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalMilliseconds / repeat, firings);
    }

    /// <summary>CPU time per item of a batch, in milliseconds times <paramref name="scale"/> (1000 gives µs).</summary>
    private static (double, int) PerItem(int count, double scale, Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var firings = 0;
        for (var i = 0; i < count; i++)
        {
            firings = run();
        }

        process.Refresh();
        return ((process.TotalProcessorTime - before).TotalMilliseconds * scale / count, firings);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
