using BenchmarkDotNet.Running;
using LowCode.GraphQL.Benchmarks;

if (args.Length > 0 && args[0] == "compare")
{
    return await CompareWithGraphQLJs.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Runs the benchmarks chosen on the command line, or the graphql-js comparison (see docs/benchmarks/graphql.md).</summary>
internal sealed partial class Program;
