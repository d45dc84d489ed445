namespace LowCode.Rules.Model;

/// <summary>The right-hand side of a structured condition, or a value computed by an action.</summary>
public abstract record Operand
{
    /// <summary>A literal value (normalised like fact values; a list for <c>in</c>).</summary>
    public static ConstantOperand Constant(object? value) => new(value);

    /// <summary>
    /// A reference to a bound fact written <c>variable.path</c>, e.g. <c>customer.id</c>; a bare <c>customer</c>
    /// names the fact itself.
    /// </summary>
    public static ReferenceOperand Ref(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new ReferenceOperand(reference, string.Empty) : new ReferenceOperand(reference[..dot], reference[(dot + 1)..]);
    }

    /// <summary>An expression evaluated by the pluggable evaluator.</summary>
    public static ExpressionOperand Expr(string expression) => new(expression);
}
