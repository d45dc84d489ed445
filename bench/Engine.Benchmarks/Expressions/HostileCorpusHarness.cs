using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>
/// Times every hostile-corpus case under the default limits (the tests use relaxed time limits and assert only
/// categories): how long until each one is stopped, and what the next evaluation costs on the same thread.
/// Run with: dotnet bench/Engine.Benchmarks/bin/Release/net10.0/LowCode.Engine.Benchmarks.dll --hostile tests/Engine.Tests/Expressions/Corpus/hostile-expressions.json [name-part]
/// (after <c>dotnet build -c Release bench/Engine.Benchmarks</c>); a name part runs only the cases whose name contains it.
/// A full collection runs before every timed evaluation, so a case is not charged for the garbage the previous one left.
/// The process CPU time of each evaluation (all threads, so the collector's too) is reported beside the wall time: on a
/// loaded machine the wall time mostly measures waiting for a core, the CPU time what the case costs.
/// </summary>
internal static class HostileCorpusHarness
{
    public static int Run(string corpusPath, string? namePart = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(corpusPath));
        var cases = document.RootElement.EnumerateArray()
            .Select(e => (Name: e.GetProperty("name").GetString()!, Source: e.GetProperty("source").GetString()!,
                Expected: e.TryGetProperty("expected", out var t) ? Enum.Parse<ExpectedType>(t.GetString()!) : ExpectedType.Any))
            .Where(c => namePart is null || c.Name.Contains(namePart, StringComparison.Ordinal))
            .ToList();
        using var evaluator = new ExpressionEvaluator();
        var rows = new List<(string Name, string Category, double WorstMs, double MedianMs, double CpuMs, double NextMs)>();
        foreach (var (name, source, expected) in cases)
        {
            var times = new List<double>();
            var cpu = new List<double>();
            var category = string.Empty;
            double next = 0;
            for (var run = 0; run < 6; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var result = evaluator.Evaluate(source, Scope(), expected, "$.hostile");
                var elapsed = clock.Elapsed.TotalMilliseconds;
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                category = result.Error?.Category.ToString() ?? "no error";
                clock.Restart();
                evaluator.Evaluate("amount > 1000 && region === 'EU'", Scope(), ExpectedType.Boolean, "$.next");
                next = Math.Max(next, clock.Elapsed.TotalMilliseconds);
                if (run > 0)
                {
                    times.Add(elapsed);
                    cpu.Add(cpuMs);
                }
            }

            times.Sort();
            cpu.Sort();
            rows.Add((name, category, times[^1], times[times.Count / 2], cpu[cpu.Count / 2], next));
        }

        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| case | category (default limits) | median ms | worst ms | median CPU ms | next evaluation worst ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in rows.OrderByDescending(r => r.WorstMs))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {row.Category} | {row.MedianMs:F2} | {row.WorstMs:F2} | {row.CpuMs:F2} | {row.NextMs:F3} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cases: {rows.Count}; worst: {rows.Max(r => r.WorstMs):F2} ms; over 100 ms: {rows.Count(r => r.WorstMs > 100)}"));
        return 0;
    }

    private static ExpressionScope Scope() => new ExpressionScope(new DateTimeOffset(2024, 5, 31, 12, 0, 0, TimeSpan.Zero))
        .Set("amount", 1500)
        .Set("region", "EU")
        .Set("lines", JsonNode.Parse("""[{"qty":1,"price":10},{"qty":2,"price":20},{"qty":3,"price":30}]"""));
}
