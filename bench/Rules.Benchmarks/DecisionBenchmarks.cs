using BenchmarkDotNet.Attributes;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;

namespace LowCode.Rules.Benchmarks;

/// <summary>
/// The Engine's typical use: one routing decision = a new session over the cached compiled rule set, a few facts,
/// fire. Uses the 100-rule set of scenario 1 and one of its orders; the fact is reused (no updates happen).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private CompiledRuleSet _rules = null!;
    private Fact _order = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = JsonRulesScenario.Load("one-type-100-rules");
        _rules = RuleSetCompiler.Compile(scenario.Rules);
        _order = scenario.BuildFacts()[123];
    }

    [Benchmark(Description = "new session + 1 fact + fire (100 rules)")]
    public int OneDecision()
    {
        var session = _rules.CreateSession();
        session.Insert(_order);
        return session.Fire();
    }

    [Benchmark(Description = "new session only (100 rules)")]
    public object CreateSession() => _rules.CreateSession();
}
