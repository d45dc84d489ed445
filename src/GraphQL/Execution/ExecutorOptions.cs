using LowCode.GraphQL.Language;

namespace LowCode.GraphQL.Execution;

/// <summary>Limits and behaviour of a <see cref="IRequestExecutor"/>, with safe defaults.</summary>
public sealed record ExecutorOptions
{
    /// <summary>Token and nesting limits applied when parsing request documents.</summary>
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Deepest field nesting an operation may select (fragments expanded; introspection included). 0 turns the check off.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Highest cost an operation may have: each field costs 1, and the selections under a list field count
    /// <see cref="ListCostFactor"/> times. 0 turns the check off.
    /// </summary>
    public int MaxCost { get; init; } = 200_000;

    /// <summary>How many items a list field is assumed to return when estimating cost.</summary>
    public int ListCostFactor { get; init; } = 10;

    /// <summary>How many parsed and validated documents to keep, keyed by the SHA-256 of the query text.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>
    /// When false (the default) an unexpected exception in a resolver is reported as "Unexpected error." with code
    /// INTERNAL_SERVER_ERROR, so server internals never leak; <see cref="GraphQLException"/> messages are always shown.
    /// </summary>
    public bool ExposeExceptionMessages { get; init; }

    /// <summary>Whether __schema and __type may be queried.</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>Validation stops after this many errors (graphql-js: maxErrors).</summary>
    public int MaxValidationErrors { get; init; } = 100;
}
