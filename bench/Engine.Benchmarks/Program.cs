using BenchmarkDotNet.Running;
using LowCode.Engine.Benchmarks.Expressions;

if (args.Length == 2 && args[0] == "--hostile")
{
    return HostileCorpusHarness.Run(args[1]);
}

if (args.Length >= 1 && args[0] == "--completions")
{
    // --completions SEED_DIR [instances] [workers] [rounds]; PostgreSQL from LOWCODE_BENCH_POSTGRES (an admin connection string).
    int Arg(int at, int fallback) => args.Length > at ? int.Parse(args[at], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await LowCode.Engine.Benchmarks.Runtime.CompletionThroughputHarness.RunAsync(
        args.Length > 1 ? args[1] : "seed", Environment.GetEnvironmentVariable("LOWCODE_BENCH_POSTGRES"), Arg(2, 1000), Arg(3, 4), Arg(4, 3)).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks/expressions.md), or the hostile-corpus timing harness.</summary>
internal sealed partial class Program;
