using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>The Subscription fields: committed definition changes from <see cref="IDefinitionChangeNotifier"/>.</summary>
internal static class DefinitionSubscriptions
{
    public static SchemaBuilder BindSubscriptions(this SchemaBuilder builder) => builder
        .BindEnum<DefinitionChangeKind>("DefinitionChangeKind")

        // The subscriber is registered when the operation starts, so nothing committed after that is missed.
        .Subscribe("Subscription", "definitionChanged", ctx => ctx.GetRequiredService<IDefinitionChangeNotifier>().Subscribe(
            ctx.HasArgument("kind") ? ctx.GetArgument<DefinitionKind?>("kind") : null,
            ctx.GetArgument<string>("key"),
            ctx.CancellationToken))
        .Resolve("DefinitionChange", "by", ctx => ((DefinitionChange)ctx.Parent!).User)
        .Resolve("DefinitionChange", "at", ctx => ((DefinitionChange)ctx.Parent!).OccurredAt)
        .Resolve("DefinitionChange", "definition", ctx => ((DefinitionChange)ctx.Parent!).Current);
}
