namespace LowCode.Rules.Model;

/// <summary>The value at <see cref="Path"/> of the fact bound to <see cref="Variable"/> (a join when it is another pattern's).</summary>
public sealed record ReferenceOperand(string Variable, string Path) : Operand;
