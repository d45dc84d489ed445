using BenchmarkDotNet.Running;
using LowCode.Engine.Benchmarks.Expressions;

if (args.Length == 2 && args[0] == "--hostile")
{
    return HostileCorpusHarness.Run(args[1]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks/expressions.md), or the hostile-corpus timing harness.</summary>
internal sealed partial class Program;
