namespace LowCode.Rules.Expressions;

/// <summary>A prepared expression; must be safe to evaluate concurrently.</summary>
public interface ICompiledExpression
{
    /// <summary>
    /// The variables the expression reads, when the evaluator can tell (null when it cannot). An expression that
    /// reads only its own pattern's variable is tested once per fact in the shared alpha network instead of once
    /// per join combination.
    /// </summary>
    IReadOnlyCollection<string>? ReferencedVariables { get; }

    /// <summary>Evaluates against the bound facts; conditions need a <see cref="bool"/> back.</summary>
    object? Evaluate(in ExpressionBindings bindings);
}
