using BenchmarkDotNet.Running;
using LowCode.Engine.Benchmarks.Expressions;

if (args.Length is 2 or 3 && args[0] == "--hostile")
{
    return HostileCorpusHarness.Run(args[1], args.Length == 3 ? args[2] : null);
}

if (args.Length is 1 or 2 && args[0] == "--interleaved")
{
    return InterleavedHarness.Run(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
}

if (args.Length >= 1 && args[0] == "--storage")
{
    return LowCode.Engine.Benchmarks.Storage.StorageHarness.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200);
}

if (args.Length == 3 && args[0] == "--forms")
{
    return LowCode.Engine.Benchmarks.Forms.FormCpuHarness.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length >= 1 && args[0] == "--completions")
{
    // --completions SEED_DIR [instances] [workers] [rounds] [--warmup N]; PostgreSQL from LOWCODE_BENCH_POSTGRES (an admin connection string).
    var warmupAt = Array.IndexOf(args, "--warmup");
    if (warmupAt >= 0 && (warmupAt + 1 >= args.Length || !int.TryParse(args[warmupAt + 1], System.Globalization.CultureInfo.InvariantCulture, out _)))
    {
        Console.Error.WriteLine("--warmup needs a number of untimed rounds after it, e.g. --completions seed 500 4 3 --warmup 5");
        return 2;
    }

    var warmup = warmupAt >= 0 ? int.Parse(args[warmupAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    var positional = warmupAt >= 0 ? [.. args[..warmupAt], .. args[(warmupAt + 2)..]] : args;
    int Arg(int at, int fallback) => positional.Length > at ? int.Parse(positional[at], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await LowCode.Engine.Benchmarks.Runtime.CompletionThroughputHarness.RunAsync(
        positional.Length > 1 ? positional[1] : "seed", Environment.GetEnvironmentVariable("LOWCODE_BENCH_POSTGRES"), Arg(2, 1000), Arg(3, 4), Arg(4, 3), warmup).ConfigureAwait(false);
}

if (args.Length >= 1 && args[0] == "--dry-run")
{
    // --dry-run SEED_DIR [decisions] [rounds]; PostgreSQL from LOWCODE_BENCH_POSTGRES (an admin connection string).
    int Arg(int at, int fallback) => args.Length > at ? int.Parse(args[at], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await LowCode.Engine.Benchmarks.Runtime.DryRunHarness.RunAsync(
        args.Length > 1 ? args[1] : "seed", Environment.GetEnvironmentVariable("LOWCODE_BENCH_POSTGRES"), Arg(2, 10_000), Arg(3, 5)).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks/expressions.md), the hostile-corpus timing harness, the storage harness (docs/benchmarks/storage.md), the forms CPU-time harness (docs/benchmarks/forms.md), or the dry-run harness (docs/benchmarks/operations.md).</summary>
internal sealed partial class Program;
