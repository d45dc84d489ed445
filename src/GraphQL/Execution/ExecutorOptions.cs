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
    /// Highest estimated cost an operation may have (docs/graphql.md, "Cost"): each field costs its weight (1 unless
    /// <c>@cost</c> or <see cref="Types.SchemaBuilder.Cost"/> says otherwise), and the selections under a list field
    /// count as many times as its size argument asks for (<see cref="ListSizeArguments"/>), or
    /// <see cref="DefaultListSize"/> times without one. 0 turns the check off.
    /// </summary>
    public int MaxCost { get; init; } = 200_000;

    /// <summary>How many items a list field is assumed to return when no size argument says how many.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// Arguments of a list field that bound how many items it returns (literal or variable); when several are given
    /// the largest counts. Matched by name on the field as selected.
    /// </summary>
    public IReadOnlyList<string> ListSizeArguments { get; init; } = ["first", "last", "limit", "take", "pageSize"];

    /// <summary>
    /// How many parsed and validated documents to keep, keyed by the SHA-256 of the query text. When full, the least
    /// recently used document is evicted (approximately: CLOCK). 0 turns the cache off.
    /// </summary>
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
