using LowCode.Engine.Metadata;
using LowCode.Engine.Operations.Diff;
using LowCode.Engine.Operations.LiveRules;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// Live rules on the product schema (SDL in live-rules.graphql): publishing a rule set and rolling it back, each behind
/// a recorded dry run, and diffing two versions of any definition. A refusal is a <see cref="DefinitionPayload"/> whose
/// problem carries a stable code (DRY_RUN_REQUIRED, DRY_RUN_MISMATCH, DRY_RUN_STALE), never a GraphQL error.
/// </summary>
internal static class LiveRulesSchema
{
    public static SchemaBuilder BindLiveRules(this SchemaBuilder builder) => builder
        .BindEnum<DiffChange>("DiffChange")
        .ResolveAsync("Mutation", "publishRuleSet", async ctx => DefinitionPayload.From(await Live(ctx).PublishAsync(
            Key(ctx), ctx.GetArgument<string>("dryRunId")!, ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "rollbackRuleSet", async ctx => DefinitionPayload.From(await Live(ctx).RollbackAsync(
            Key(ctx), ctx.GetArgument<int>("toVersion"), ctx.GetArgument<string>("dryRunId")!, ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Query", "diffDefinitions", ctx => ctx.GetRequiredService<DefinitionDiffs>().DiffAsync(
            ctx.GetArgument<DefinitionKind>("kind"),
            Key(ctx),
            ctx.GetArgument<int>("from"),
            ctx.GetArgument<int?>("to") is { } to and not 0 ? to : null,
            ctx.CancellationToken))
        .ResolveAsync("RuleSet", "publication", ctx =>
        {
            var version = (DefinitionVersion)ctx.Parent!;
            return version.Version == 0
                ? Task.FromResult<DryRunRecord?>(null)
                : Live(ctx).GetPublicationAsync(version.Key, version.Version, ctx.CancellationToken);
        })
        .Resolve("RuleSetPublication", "dryRunId", ctx => ((DryRunRecord)ctx.Parent!).Id)
        .Resolve("RuleSetPublication", "dryRunBy", ctx => ((DryRunRecord)ctx.Parent!).RunBy)
        .Resolve("RuleSetPublication", "dryRunAt", ctx => DateTime.SpecifyKind(((DryRunRecord)ctx.Parent!).RunAt, DateTimeKind.Utc))
        .Resolve("RuleSetPublication", "publishedAt", ctx => DateTime.SpecifyKind(((DryRunRecord)ctx.Parent!).PublishedAt!.Value, DateTimeKind.Utc));

    private static LiveRuleSets Live(ResolveContext ctx) => ctx.GetRequiredService<LiveRuleSets>();

    private static string Key(ResolveContext ctx) => ctx.GetArgument<string>("key")!;
}
