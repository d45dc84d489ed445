namespace LowCode.GraphQL.Language.Ast;

/// <summary>
/// Base of every AST node. Nodes compare by reference in the executor and validator
/// (<see cref="ReferenceEqualityComparer"/>), so record value equality is never relied upon.
/// </summary>
public abstract record SyntaxNode
{
    /// <summary>Where the node starts and ends in the source text.</summary>
    public Location Location { get; init; }
}
