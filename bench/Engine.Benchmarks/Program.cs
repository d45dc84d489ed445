using BenchmarkDotNet.Running;
using LowCode.Engine.Benchmarks.Expressions;

if (args.Length == 2 && args[0] == "--hostile")
{
    return HostileCorpusHarness.Run(args[1]);
}

if (args.Length == 3 && args[0] == "--forms")
{
    return LowCode.Engine.Benchmarks.Forms.FormCpuHarness.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks/expressions.md), the hostile-corpus timing harness, or the forms CPU-time harness.</summary>
internal sealed partial class Program;
