using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// External participants on the product schema: taskByToken, evaluateFormByToken and completeTaskByToken take the
/// link token as their only credential and reach the one task it opens; resendTaskLink is for people inside. Every
/// refusal is a payload with a code, never a GraphQL error.
/// </summary>
internal static class ExternalLinkSchema
{
    public static SchemaBuilder BindExternalLinks(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "taskByToken", async ctx =>
        {
            var linked = await Runtime(ctx).GetTaskByLinkAsync(Token(ctx), TaskId(ctx), ctx.CancellationToken).ConfigureAwait(false);
            return new LinkedTaskPayload(linked.Value, linked.Error);
        })
        .ResolveAsync("LinkedTask", "form", ctx => FormAsync(ctx, (LinkedTask)ctx.Parent!))
        .Resolve("LinkedTask", "task", ctx => ((LinkedTask)ctx.Parent!).Task)
        .Resolve("LinkedTask", "organizationName", ctx => OrganizationName(ctx.GetRequiredService<IConfiguration>()))
        .ResolveAsync("Query", "evaluateFormByToken", async ctx =>
        {
            if (Data(ctx, "data") is not { } data)
            {
                return new LinkFormEvaluationPayload(null, NotAnObject());
            }

            var evaluated = await Runtime(ctx).EvaluateFormByLinkAsync(Token(ctx), data, TaskId(ctx), ctx.CancellationToken).ConfigureAwait(false);
            return new LinkFormEvaluationPayload(evaluated.Value, evaluated.Error);
        })
        .ResolveAsync("Mutation", "completeTaskByToken", async ctx =>
        {
            JsonObject? data = null;
            if (ctx.HasArgument("data") && ctx.GetArgument<object>("data") is not null && (data = Data(ctx, "data")) is null)
            {
                return new LinkCompletionPayload(null, false, NotAnObject());
            }

            var completed = await Runtime(ctx).CompleteTaskByLinkAsync(
                Token(ctx),
                data,
                ctx.GetArgument<string>("outcome"),
                ctx.GetArgument<string>("idempotencyKey"),
                TaskId(ctx),
                ctx.CancellationToken).ConfigureAwait(false);
            return new LinkCompletionPayload(completed.Value?.CompletedTaskId, completed.Value?.Replayed ?? false, completed.Error);
        })
        .ResolveAsync("Mutation", "resendTaskLink", async ctx =>
        {
            var resent = await Runtime(ctx).ResendLinkAsync(ctx.GetArgument<string>("taskId")!, ApiUser.PrincipalOf(ctx), ctx.CancellationToken).ConfigureAwait(false);
            return new ResendLinkPayload(resent.Value?.TaskId, resent.Value?.Email, resent.Value?.ExpiresAt, resent.Error);
        });

    private static async Task<DefinitionVersion?> FormAsync(ResolveContext ctx, LinkedTask linked) =>
        linked.Task.FormKey is { } key && linked.Task.FormVersion is { } version
            ? await ctx.GetRequiredService<IDefinitionStore>().GetAsync(DefinitionKind.Form, key, version, ctx.CancellationToken).ConfigureAwait(false)
            : null;

    private static JsonObject? Data(ResolveContext ctx, string name)
    {
        var argument = ctx.GetArgument<object>(name);
        try
        {
            return (argument is string text ? JsonNode.Parse(text) : JsonSerializer.SerializeToNode(argument)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RuntimeError NotAnObject() => RuntimeError.Invalid(
        "The data must be a JSON object of field keys to values (or a string holding one); nothing was changed.",
        new RuntimeProblem("data", "data.notObject", "Send the form's values as an object, e.g. { \"registrationNumber\": \"HRB 12345\" }."));

    private static string Token(ResolveContext ctx) => ctx.GetArgument<string>("token") ?? string.Empty;

    private static string? TaskId(ResolveContext ctx) => ctx.HasArgument("taskId") ? ctx.GetArgument<string>("taskId") : null;

    /// <summary>An external participant has never heard of the product: the page names the organisation that sent the link.</summary>
    public static string OrganizationName(IConfiguration configuration) =>
        configuration["LowCode:OrganizationName"] is { Length: > 0 } name && name.Trim().Length > 0 ? name.Trim() : "LowCode";

    private static ProcessRuntime Runtime(ResolveContext ctx) => ctx.GetRequiredService<ProcessRuntime>();
}
