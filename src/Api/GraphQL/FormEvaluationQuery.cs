using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Api.GraphQL;

/// <summary>
/// <c>evaluateForm</c>: the designer's live preview, through the same <see cref="FormEvaluator"/> a submission goes
/// through, so the preview and the server's verdict never disagree.
/// </summary>
internal static class FormEvaluationQuery
{
    /// <summary>The version number of a key's draft.</summary>
    private const int Draft = 0;

    public static SchemaBuilder BindFormEvaluation(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "evaluateForm", EvaluateAsync)
        .Resolve("FormEvaluation", "valid", ctx => ((FormEvaluation)ctx.Parent!).IsValid)
        .Resolve("FormEvaluation", "values", ctx => ((FormEvaluation)ctx.Parent!).Values)
        .Resolve("FormEvaluation", "fields", ctx => ((FormEvaluation)ctx.Parent!).Fields)
        .Resolve("FormEvaluation", "errors", ctx => ((FormEvaluation)ctx.Parent!).Errors);

    private static async Task<FormEvaluation?> EvaluateAsync(ResolveContext ctx)
    {
        if (await FormAsync(ctx, ctx.GetArgument<string>("key")!, ctx.HasArgument("version") ? ctx.GetArgument<int?>("version") : null).ConfigureAwait(false) is not { } form)
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

    /// <summary>
    /// The form to evaluate. A published (or retired) version is immutable, so it comes parsed from the runtime's
    /// <see cref="DefinitionCache"/>: a keystroke then costs one small query for the latest version number instead of
    /// reading and parsing the whole definition. The draft (version 0) changes with every save and is read as it is.
    /// </summary>
    private static async Task<FormDefinition?> FormAsync(ResolveContext ctx, string key, int? version)
    {
        if (version == Draft)
        {
            var draft = await ctx.GetRequiredService<IDefinitionStore>().GetAsync(DefinitionKind.Form, key, version, ctx.CancellationToken).ConfigureAwait(false);
            return draft?.Definition as FormDefinition;
        }

        await using var db = await ctx.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync(ctx.CancellationToken).ConfigureAwait(false);
        if ((version ?? await DefinitionCache.LatestPublishedAsync(db, DefinitionKind.Form, key, ctx.CancellationToken).ConfigureAwait(false)) is not { } number)
        {
            return null;
        }

        return await ctx.GetRequiredService<DefinitionCache>().GetAsync<FormDefinition>(db, DefinitionKind.Form, key, number, ctx.CancellationToken).ConfigureAwait(false);
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
