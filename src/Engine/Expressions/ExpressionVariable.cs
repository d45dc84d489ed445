namespace LowCode.Engine.Expressions;

/// <summary>A scope variable an expression reads, and where it first reads it.</summary>
/// <param name="Name">The variable's name, e.g. <c>amount</c>.</param>
/// <param name="Line">1-based line of its first use in the expression text.</param>
/// <param name="Column">1-based column of its first use in the expression text.</param>
public sealed record ExpressionVariable(string Name, int Line, int Column);
