namespace LowCode.GraphQL.Benchmarks;

/// <summary>A benchmark item: five scalars and a nested owner.</summary>
internal sealed record Item(string Id, string Name, double Price, int Count, bool Active, Owner Owner);
