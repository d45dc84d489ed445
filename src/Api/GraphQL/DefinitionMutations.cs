using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Engine.Metadata;
using LowCode.Engine.Operations.LiveRules;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The Mutation fields over <see cref="IDefinitionStore"/>. Every expected failure (a bad definition, a stale etag,
/// an unknown key) is a <see cref="DefinitionPayload"/> with the reason, never a GraphQL error.
/// </summary>
internal static class DefinitionMutations
{
    public static SchemaBuilder BindMutations(this SchemaBuilder builder) => builder
        .BindEnum<StoreErrorKind>("DefinitionErrorKind")
        .ResolveAsync("Mutation", "saveDraft", SaveDraftAsync)
        .ResolveAsync("Mutation", "publish", async ctx => Kind(ctx) == DefinitionKind.RuleSet ? LivePublishRequired(Key(ctx)) : DefinitionPayload.From(await Store(ctx).PublishAsync(
            Kind(ctx), Key(ctx), ctx.GetArgument<string>("etag"), ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "retire", async ctx => DefinitionPayload.From(await Store(ctx).RetireAsync(
            Kind(ctx), Key(ctx), ctx.GetArgument<int>("version"), ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false)))
        .ResolveAsync("Mutation", "discardDraft", async ctx => DefinitionPayload.From(await Store(ctx).DiscardDraftAsync(
            Kind(ctx), Key(ctx), ctx.GetArgument<string>("etag")!, ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false)));

    private static async Task<DefinitionPayload> SaveDraftAsync(ResolveContext ctx)
    {
        var kind = Kind(ctx);
        var key = Key(ctx);

        // A string is the definition's text, read strictly so that problems point at its line and column; any other
        // JSON value was already parsed by GraphQL, so positions in our re-serialisation would mislead and are dropped.
        var argument = ctx.GetArgument<object>("definition");
        var fromText = argument is string;
        var json = argument as string ?? JsonSerializer.Serialize(argument);
        var parsed = DefinitionJson.Parse(kind, json);
        if (parsed.Definition is not { } definition)
        {
            var problems = fromText ? parsed.Problems : [.. parsed.Problems.Select(p => p with { Line = null, Column = null })];
            return Invalid(kind, key, problems);
        }

        if (!string.Equals(definition.Key, key, StringComparison.Ordinal))
        {
            return Invalid(kind, key, [new ValidationProblem(
                "$.key",
                $"The definition's key is '{definition.Key}' but the mutation saves '{key}'. Make them the same (a key cannot be renamed by saving; save a new definition instead).",
                "definition.keyMismatch")]);
        }

        var result = await Store(ctx).SaveDraftAsync(kind, json, ctx.GetArgument<string>("etag"), ApiUser.Of(ctx), ctx.CancellationToken).ConfigureAwait(false);
        return DefinitionPayload.From(result);
    }

    private static DefinitionPayload Invalid(DefinitionKind kind, string key, ImmutableArray<ValidationProblem> problems) =>
        DefinitionPayload.Failed(
            StoreErrorKind.Invalid,
            $"The {DefinitionJson.KindName(kind)} '{key}' has {problems.Length} problem{(problems.Length == 1 ? string.Empty : "s")}; nothing was saved.",
            problems);

    /// <summary>A rule set goes live on every running instance at once, so it is published only behind a dry run of the exact draft.</summary>
    private static DefinitionPayload LivePublishRequired(string key)
    {
        var message = $"Rule sets go live on every running instance at once, so publish does not publish them. Run dryRunRuleSet(processKey: ..., ruleSetKey: \"{key}\") on the draft, review what would change, then publishRuleSet(key: \"{key}\", dryRunId: ...) with the id it returned (this needs the admin permission).";
        return DefinitionPayload.Failed(StoreErrorKind.Invalid, message, [new ValidationProblem("kind", message, LiveRuleCodes.LivePublishRequired)]);
    }

    private static IDefinitionStore Store(ResolveContext ctx) => ctx.GetRequiredService<IDefinitionStore>();

    private static DefinitionKind Kind(ResolveContext ctx) => ctx.GetArgument<DefinitionKind>("kind");

    private static string Key(ResolveContext ctx) => ctx.GetArgument<string>("key")!;
}
