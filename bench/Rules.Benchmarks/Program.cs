using System.Diagnostics;
using BenchmarkDotNet.Running;
using LowCode.Rules.Benchmarks;
using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

if (args is ["--counts", ..])
{
    // Prints facts and firings per scenario, so the benchmark's times can be turned into facts/s and firings/s.
    foreach (var name in new[] { "one-type-100-rules", "join-1000x1000", "chain-1000x5" })
    {
        var scenario = JsonRulesScenario.Load(name);
        var rules = RuleSetCompiler.Compile(scenario.Rules);
        var facts = scenario.BuildFacts();
        var watch = Stopwatch.StartNew();
        var session = rules.CreateSession(new SessionOptions { MaxFirings = int.MaxValue });
        session.InsertAll(facts);
        var inserted = watch.Elapsed.TotalMilliseconds;
        var fired = session.Fire();
        Console.WriteLine($"{name}: facts={facts.Count} firings={fired} alphaNodes={rules.AlphaNodeCount} betaNodes={rules.BetaNodeCount} (single cold run: insert {inserted:F1} ms, total {watch.Elapsed.TotalMilliseconds:F1} ms)");
    }

    return;
}

if (args is ["--cpu", ..])
{
    CpuTimeHarness.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

if (args is ["--peers", ..])
{
    LowCode.Rules.Benchmarks.Peers.PeerHarness.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks/rules.md).</summary>
internal sealed partial class Program;
