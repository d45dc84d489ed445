using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Api.GraphQL;

/// <summary>The <c>ExpressionEvaluation</c> result type: a value or a categorised error, never a GraphQL error.</summary>
internal sealed record ExpressionEvaluation(bool Ok, JsonNode? Value, ExpressionValueKind? Kind, ExpressionEvaluationError? Error, IReadOnlyList<string> Variables)
{
    public static ExpressionEvaluation From(ExpressionResult result, IReadOnlyList<string> variables) => result.Error is { } error
        ? new(false, null, null, ExpressionEvaluationError.From(error), variables)
        : new(true, result.Value.ToJsonNode(), result.Value.Kind, null, variables);
}

/// <summary>The <c>ExpressionEvaluationError</c> type: the sandbox's <see cref="ExpressionError"/> without its label.</summary>
internal sealed record ExpressionEvaluationError(ExpressionErrorCategory Code, string Message, string? Hint, string? Part, int? Line, int? Column)
{
    public static ExpressionEvaluationError From(ExpressionError error) => new(
        error.Category,
        error.Message,
        error.Hint.Length > 0 ? error.Hint : null,
        error.Part.Length > 0 ? error.Part : null,
        error.Line > 0 ? error.Line : null,
        error.Column > 0 ? error.Column : null);
}
