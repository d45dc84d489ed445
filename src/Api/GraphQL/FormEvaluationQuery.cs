using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// <c>evaluateForm</c>: the designer's live preview, through the same <see cref="FormEvaluator"/> a submission goes
/// through, so the preview and the server's verdict never disagree.
/// </summary>
internal static class FormEvaluationQuery
{
    public static SchemaBuilder BindFormEvaluation(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "evaluateForm", EvaluateAsync)
        .Resolve("FormEvaluation", "valid", ctx => ((FormEvaluation)ctx.Parent!).IsValid)
        .Resolve("FormEvaluation", "values", ctx => ((FormEvaluation)ctx.Parent!).Values)
        .Resolve("FormEvaluation", "fields", ctx => ((FormEvaluation)ctx.Parent!).Fields)
        .Resolve("FormEvaluation", "errors", ctx => ((FormEvaluation)ctx.Parent!).Errors);

    private static async Task<FormEvaluation?> EvaluateAsync(ResolveContext ctx)
    {
        var version = await ctx.GetRequiredService<IDefinitionStore>().GetAsync(
            DefinitionKind.Form,
            ctx.GetArgument<string>("key")!,
            ctx.HasArgument("version") ? ctx.GetArgument<int?>("version") : null,
            ctx.CancellationToken).ConfigureAwait(false);
        if (version?.Definition is not FormDefinition form)
        {
            return null;
        }

        var now = ctx.HasArgument("now") && ctx.GetArgument<DateTimeOffset?>("now") is { } given
            ? given
            : ctx.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = new FormEvaluationOptions { Now = now };
        var data = Data(ctx.GetArgument<object>("data"))
            ?? throw new GraphQLException("evaluateForm: 'data' must be a JSON object whose properties are the form's field keys, e.g. { amount: 12.5 } (or the same as JSON text).");
        return ctx.GetRequiredService<FormEvaluator>().Evaluate(form, data, options);
    }

    /// <summary>The data as a JSON object: a JSON object value, or a string holding one (as saveDraft accepts definitions).</summary>
    internal static JsonObject? Data(object? argument)
    {
        try
        {
            var node = argument is string text ? JsonNode.Parse(text) : JsonSerializer.SerializeToNode(argument);
            return node as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
