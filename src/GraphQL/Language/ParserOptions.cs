namespace LowCode.GraphQL.Language;

/// <summary>Limits that keep a hostile document from costing the server more than a bounded amount of work.</summary>
public sealed record ParserOptions
{
    /// <summary>Shared defaults: 15,000 tokens and a nesting depth of 128.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>The parse stops with a syntax error past this many tokens (graphql-js: maxTokens).</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>The parse stops with a syntax error when selection sets, lists, objects or types nest deeper than this.</summary>
    public int MaxDepth { get; init; } = 128;
}
