namespace LowCode.Engine.Expressions;

/// <summary>The outcome of one evaluation: a value, or a categorised error. User mistakes never throw.</summary>
public readonly struct ExpressionResult
{
    private ExpressionResult(ExpressionValue value, ExpressionError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; meaningful only when <see cref="IsSuccess"/>.</summary>
    public ExpressionValue Value { get; }

    /// <summary>Why the evaluation failed; null on success.</summary>
    public ExpressionError? Error { get; }

    /// <summary>True when the expression produced a value of the expected type.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>A successful result.</summary>
    public static ExpressionResult Success(ExpressionValue value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ExpressionResult Failure(ExpressionError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The value, or the full error text.</summary>
    public override string ToString() => Error?.ToString() ?? Value.ToString();
}
