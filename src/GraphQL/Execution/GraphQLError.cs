namespace LowCode.GraphQL.Execution;

/// <summary>An error of spec §7.1.2: message, locations, path and extensions (with <c>code</c>).</summary>
public sealed record GraphQLError(
    string Message,
    IReadOnlyList<SourceLocation>? Locations = null,
    IReadOnlyList<object>? Path = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>A one-based line and column in the request document.</summary>
public readonly record struct SourceLocation(int Line, int Column);
