namespace LowCode.Rules.Model;

/// <summary>A value computed by the pluggable expression evaluator from the bound facts.</summary>
public sealed record ExpressionOperand(string Expression) : Operand;
