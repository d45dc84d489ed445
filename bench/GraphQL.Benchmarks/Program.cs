using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Runs the benchmarks chosen on the command line (see docs/benchmarks.md).</summary>
internal sealed partial class Program;
