using System.Diagnostics;
using System.Globalization;
using LowCode.Rules.Compilation;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Benchmarks;

/// <summary>
/// Measures each scenario by process CPU time as well as wall time, like bench.mjs does on the Node side. On a
/// shared, loaded machine CPU time is the fairer comparison: it does not count time spent waiting for a core.
/// </summary>
internal static class CpuTimeHarness
{
    public static void Run(int iterations)
    {
        var options = new SessionOptions { MaxFirings = int.MaxValue };
        foreach (var name in new[] { "one-type-100-rules", "join-1000x1000", "chain-1000x5" })
        {
            var scenario = JsonRulesScenario.Load(name);
            var rules = RuleSetCompiler.Compile(scenario.Rules);
            var cpu = new List<double>();
            var wall = new List<double>();
            var factCount = 0;
            var firings = 0;
            for (var i = 0; i < iterations + 2; i++)
            {
                var facts = scenario.BuildFacts();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var session = rules.CreateSession(options);
                foreach (var fact in facts)
                {
                    session.Insert(fact);
                }

                firings = session.Fire();
                watch.Stop();
                process.Refresh();
                var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                factCount = facts.Count;
                if (i >= 2)
                {
                    // the first two runs warm up the JIT (tiered compilation) and are not counted
                    cpu.Add(cpuMs);
                    wall.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            var meanCpu = cpu.Average();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"scenario\":\"{name}\",\"cpuMs\":{meanCpu:F1},\"minCpuMs\":{cpu.Min():F1},\"wallMs\":{wall.Average():F1},\"minWallMs\":{wall.Min():F1},\"facts\":{factCount},\"firings\":{firings},\"factsPerCpuSecond\":{factCount / (meanCpu / 1000):F0},\"firingsPerCpuSecond\":{firings / (meanCpu / 1000):F0}}}"));
        }
    }
}
