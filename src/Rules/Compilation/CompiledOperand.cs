using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Compilation;

/// <summary>An operand compiled to a delegate; <see cref="Constant"/> is set (and normalised) for literals.</summary>
internal sealed record CompiledOperand(
    Func<Token?, Fact?, object?> Evaluate,
    bool IsAlpha,
    bool IsConstant,
    object? Constant,
    string Text);
