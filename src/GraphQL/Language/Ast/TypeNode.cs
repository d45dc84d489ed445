namespace LowCode.GraphQL.Language.Ast;

/// <summary>A type reference (spec §2.11).</summary>
public abstract record TypeNode : SyntaxNode;
