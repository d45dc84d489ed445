using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// <c>evaluateFormDraft</c> (SDL in form-draft-evaluation.graphql): the form builder's preview of the form as it is on
/// screen, before it is saved. The text is read and validated as saveDraft would, then judged by the same
/// <see cref="FormEvaluator"/> a task's submission goes through, so the preview never disagrees with the server.
/// </summary>
internal static class FormDraftEvaluationQuery
{
    public static SchemaBuilder BindFormDraftEvaluation(this SchemaBuilder builder) => builder
        .Resolve("Query", "evaluateFormDraft", Evaluate);

    private static FormEvaluation Evaluate(ResolveContext ctx)
    {
        var form = ReadForm(ctx.GetArgument<object>("form"), ctx.GetRequiredService<DefinitionValidator>());
        var data = FormEvaluationQuery.Data(ctx.GetArgument<object>("data"))
            ?? throw new GraphQLException("evaluateFormDraft: 'data' must be a JSON object whose properties are the form's field keys, e.g. { amount: 12.5 } (or the same as JSON text).", ErrorCodes.BadUserInput);
        var now = ctx.HasArgument("now") && ctx.GetArgument<DateTimeOffset?>("now") is { } given
            ? given
            : ctx.GetRequiredService<TimeProvider>().GetUtcNow();
        return ctx.GetRequiredService<FormEvaluator>().Evaluate(form, data, new FormEvaluationOptions { Now = now });
    }

    /// <summary>The form, or a BAD_USER_INPUT error listing every problem that would stop saveDraft, each at its JSON path.</summary>
    private static FormDefinition ReadForm(object? argument, DefinitionValidator validator)
    {
        // Text keeps the author's lines and columns; an object was re-serialised here, so positions would mislead.
        var fromText = argument is string;
        var parsed = DefinitionJson.Parse(DefinitionKind.Form, argument as string ?? JsonSerializer.Serialize(argument));
        var problems = parsed.Definition is { } definition
            ? [.. validator.Validate(definition).Where(p => p.Severity == ProblemSeverity.Error)]
            : fromText ? parsed.Problems : [.. parsed.Problems.Select(p => p with { Line = null, Column = null })];
        if (problems.IsEmpty && parsed.Definition is FormDefinition form)
        {
            return form;
        }

        var first = problems[0];
        var more = problems.Length == 1 ? string.Empty : $" (and {problems.Length - 1} more in extensions.problems)";
        throw new GraphQLException($"evaluateFormDraft: the form cannot be evaluated until its metadata is fixed: {first.Path}: {first.Message}{more}", ErrorCodes.BadUserInput)
        {
            Extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["problems"] = Describe(problems) },
        };
    }

    private static JsonElement Describe(ImmutableArray<ValidationProblem> problems) => JsonSerializer.SerializeToElement(
        problems.Select(p => new { path = p.Path, message = p.Message, code = p.Code, line = p.Line, column = p.Column }));
}
