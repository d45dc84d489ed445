using System.Diagnostics;
using System.Globalization;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>
/// The sandbox against raw prepared Jint 4.18 with the two sides interleaved: every round times a batch of each side
/// (alternating which goes first), so load from other processes falls on both alike; the ratio reported is the median
/// of the per-round ratios. The bodies are those of <see cref="SingleThreadBenchmarks"/>.
/// Run with: dotnet bench/Engine.Benchmarks/bin/Release/net10.0/LowCode.Engine.Benchmarks.dll --interleaved [rounds]
/// </summary>
internal static class InterleavedHarness
{
    public static int Run(int rounds)
    {
        using var benchmarks = new SingleThreadBenchmarks();
        benchmarks.Setup();
        var pairs = new (string Name, Action Sandbox, Action Raw, int Batch)[]
        {
            ("condition", () => benchmarks.ConditionSandbox(), () => benchmarks.ConditionRaw(), 20_000),
            ("table 50 rows, reduce callback", () => benchmarks.TableCallbackSandbox(), () => benchmarks.TableCallbackRaw(), 200),
            ("table 50 rows, reduce arrow", () => benchmarks.TableArrowSandbox(), () => benchmarks.TableArrowRaw(), 200),
        };
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| workload | sandbox median | raw Jint 4.18 median | median of per-round ratios | sandbox B/op | raw B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, sandbox, raw, batch) in pairs)
        {
            Time(sandbox, batch);
            Time(raw, batch);
            var sandboxTimes = new List<double>();
            var rawTimes = new List<double>();
            var ratios = new List<double>();
            double sandboxBytes = 0, rawBytes = 0;
            for (var round = 0; round < rounds; round++)
            {
                double s, r;
                if (round % 2 == 0)
                {
                    (s, sandboxBytes) = Time(sandbox, batch);
                    (r, rawBytes) = Time(raw, batch);
                }
                else
                {
                    (r, rawBytes) = Time(raw, batch);
                    (s, sandboxBytes) = Time(sandbox, batch);
                }

                sandboxTimes.Add(s);
                rawTimes.Add(r);
                ratios.Add(s / r);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Format(Median(sandboxTimes))} | {Format(Median(rawTimes))} | {Median(ratios):F2}x | {sandboxBytes:F0} | {rawBytes:F0} |"));
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>Nanoseconds and bytes allocated per call, over one batch.</summary>
    private static (double Nanoseconds, double Bytes) Time(Action action, int batch)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < batch; i++)
        {
            action();
        }

        var elapsed = clock.Elapsed.TotalNanoseconds / batch;
        return (elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)batch);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Format(double nanoseconds)
        => nanoseconds >= 1_000 ? string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:F2} µs") : string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:F1} ns");
}
