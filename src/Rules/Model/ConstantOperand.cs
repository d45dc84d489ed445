namespace LowCode.Rules.Model;

/// <summary>A literal operand.</summary>
public sealed record ConstantOperand(object? Value) : Operand;
