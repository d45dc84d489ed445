using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Validation;

namespace LowCode.Engine.Tests.Forms;

/// <summary>Evaluates small forms written as the JSON authors write, with a fixed clock.</summary>
internal static class FormTesting
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    public static ExpressionEvaluator Expressions { get; } = new();

    public static FormEvaluator Evaluator { get; } = new(Expressions);

    public static FormEvaluationOptions Options { get; } = new() { Now = Now };

    public static FormEvaluation Evaluate(string fieldsJson, string? dataJson = null, string? validationsJson = null) =>
        Evaluate(Definitions.Form(fieldsJson, validationsJson), dataJson);

    public static FormEvaluation Evaluate(FormDefinition form, string? dataJson, FormEvaluationOptions? options = null) =>
        Evaluator.Evaluate(form, dataJson is null ? null : JsonNode.Parse(dataJson)!.AsObject(), options ?? Options);

    /// <summary>The single error at <paramref name="path"/>; fails when there is none or several.</summary>
    public static FormError ErrorAt(this FormEvaluation evaluation, string path) =>
        Assert.Single(evaluation.Errors, e => e.Path == path);

    public static FieldState StateOf(this FormEvaluation evaluation, string path) =>
        Assert.Single(evaluation.Fields, f => f.Path == path);

    /// <summary>The stored values as compact JSON, for comparing with a literal.</summary>
    public static string ValuesJson(this FormEvaluation evaluation) => evaluation.Values.ToJsonString();

    public static string Codes(this FormEvaluation evaluation) => string.Join(",", evaluation.Errors.Select(e => $"{e.Path}:{e.Code}"));
}
