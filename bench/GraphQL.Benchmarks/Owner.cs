namespace LowCode.GraphQL.Benchmarks;

/// <summary>The nested object of a benchmark item.</summary>
internal sealed record Owner(string Id, string Name);
