using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Benchmarks;

/// <summary>
/// The three scenarios of docs/benchmarks/rules.md, each a whole decision: new session, insert every fact, fire.
/// Facts are built from JSON in the setup of each iteration (they are mutable and the chain changes them), so the
/// measured time is the engine's alone. A short job keeps the run to a few minutes.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15, invocationCount: 1)]
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private static readonly SessionOptions Bulk = new() { MaxFirings = int.MaxValue };

    private readonly Dictionary<string, (CompiledRuleSet Rules, JsonRulesScenario Scenario)> _scenarios = [];
    private List<Fact> _facts = [];

    [Params("one-type-100-rules", "join-1000x1000", "chain-1000x5")]
    public string Scenario { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = JsonRulesScenario.Load(Scenario);
        _scenarios[Scenario] = (RuleSetCompiler.Compile(scenario.Rules), scenario);
    }

    [IterationSetup]
    public void BuildFacts() => _facts = _scenarios[Scenario].Scenario.BuildFacts();

    [Benchmark(Description = "insert all + fire")]
    public int InsertAllAndFire()
    {
        var session = _scenarios[Scenario].Rules.CreateSession(Bulk);
        foreach (var fact in _facts)
        {
            session.Insert(fact);
        }

        return session.Fire();
    }
}
