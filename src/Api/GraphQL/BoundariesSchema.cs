using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Notifications;
using LowCode.Engine.Processes;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The runtime's boundaries on the product schema (SDL in boundaries.graphql): the caller's notifications, captured
/// development mails, the outbox, and the signal mutation.
/// </summary>
internal static class BoundariesSchema
{
    public static SchemaBuilder BindBoundaries(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "notifications", ctx => Queries(ctx).ForAsync(ApiUser.PrincipalOf(ctx), Limit(ctx), ctx.CancellationToken))
        .ResolveAsync("Query", "capturedMails", ctx =>
        {
            var mail = ctx.GetRequiredService<MailOptions>();
            if (!mail.Captures)
            {
                throw new InvalidOperationException("No mails are captured: LowCode:Mail:Mode is Smtp, so mail goes out to the SMTP server.");
            }

            return Queries(ctx).CapturedMailsAsync(Limit(ctx), ctx.CancellationToken);
        })
        .ResolveAsync("Query", "outbox", ctx => Queries(ctx).OutboxAsync(ctx.GetArgument<string>("status"), ctx.GetArgument<string>("instanceId"), Limit(ctx), ctx.CancellationToken))
        .Resolve("CapturedMail", "id", ctx => ((CapturedMail)ctx.Parent!).Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .ResolveAsync("Mutation", "signal", async ctx =>
        {
            JsonObject? data = null;
            if (ctx.HasArgument("data") && ctx.GetArgument<object>("data") is { } argument)
            {
                data = JsonNode.Parse(argument as string ?? JsonSerializer.Serialize(argument)) as JsonObject;
                if (data is null)
                {
                    return new StepPayload(null, RuntimeError.Invalid(
                        "The signal's data must be a JSON object; nothing was changed.",
                        new RuntimeProblem("data", "data.notObject", "Send an object, e.g. { \"crmAccountId\": \"CRM-7\" }.")));
                }
            }

            return StepPayload.From(await ctx.GetRequiredService<ProcessRuntime>().SignalAsync(
                ctx.GetArgument<string>("name")!,
                ctx.GetArgument<string>("instanceId"),
                ctx.GetArgument<string>("processKey"),
                ctx.GetArgument<string>("businessKey"),
                data,
                SignalCaller(ctx),
                ctx.CancellationToken).ConfigureAwait(false));
        });

    /// <summary>
    /// The signal's caller as the runtime checks it (membership of <c>LowCode:Signals:Groups</c>); a caller with the admin
    /// permission counts as a member of the <c>admin</c> group, so an admin key may always signal.
    /// </summary>
    private static LowCode.Engine.Tasks.Principal SignalCaller(ResolveContext ctx)
    {
        var principal = ApiUser.PrincipalOf(ctx);
        return ApiUser.Current(ctx)?.Has(LowCode.Api.Identity.Permissions.Admin) == true && !principal.InGroup("admin")
            ? principal with { Groups = [.. principal.Groups, "admin"] }
            : principal;
    }

    private static NotificationQueries Queries(ResolveContext ctx) => ctx.GetRequiredService<NotificationQueries>();

    private static int Limit(ResolveContext ctx) => ctx.HasArgument("limit") && ctx.GetArgument<int?>("limit") is { } limit ? limit : 50;
}
