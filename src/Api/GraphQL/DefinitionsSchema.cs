using System.Text.Json;
using LowCode.Api.Identity;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Types.Scalars;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The product's GraphQL schema: the SDL in schema.graphql (checked in, and approved by a test), bound here to
/// the definitions store: queries here, mutations in <see cref="DefinitionMutations"/>, subscriptions in
/// <see cref="DefinitionSubscriptions"/>. Later capabilities extend the same SDL and builder.
/// </summary>
internal static class DefinitionsSchema
{
    public static Schema Build()
    {
        return SchemaBuilder.FromSdl(ReadSdl())
            .AddScalar(new DateTimeScalar())
            .AddScalar(new JsonScalar())
            .BindEnum<DefinitionKind>("DefinitionKind")
            .BindEnum<DefinitionStatus>("DefinitionStatus")
            .ResolveType("Definition", (value, _) => TypeName(((DefinitionVersion)value).Kind))
            .ResolveAsync("Query", "forms", ctx => ListAsync(ctx, DefinitionKind.Form))
            .ResolveAsync("Query", "processes", ctx => ListAsync(ctx, DefinitionKind.Process))
            .ResolveAsync("Query", "ruleSets", ctx => ListAsync(ctx, DefinitionKind.RuleSet))
            .ResolveAsync("Query", "form", ctx => GetAsync(ctx, DefinitionKind.Form))
            .ResolveAsync("Query", "process", ctx => GetAsync(ctx, DefinitionKind.Process))
            .ResolveAsync("Query", "ruleSet", ctx => GetAsync(ctx, DefinitionKind.RuleSet))
            .ResolveAsync("Query", "definitionHistory", ctx => ctx.GetRequiredService<IDefinitionStore>()
                .GetHistoryAsync(ctx.GetArgument<DefinitionKind>("kind"), ctx.GetArgument<string>("key")!, ctx.CancellationToken))
            .Resolve("Definition", "description", ctx => Definition(ctx) switch
            {
                FormDefinition f => f.Description,
                ProcessDefinition p => p.Description,
                RuleSetDefinition r => r.Description,
                _ => null,
            })
            .Resolve("Definition", "etag", ctx => ((DefinitionVersion)ctx.Parent!).ETag)
            .Resolve("Definition", "body", ctx => JsonDocument.Parse(((DefinitionVersion)ctx.Parent!).Json).RootElement.Clone())
            .Resolve("Form", "fields", ctx => ((FormDefinition)Definition(ctx)).Fields)
            .Resolve("Form", "validations", ctx => ((FormDefinition)Definition(ctx)).Validations)
            .Resolve("Process", "start", ctx => ((ProcessDefinition)Definition(ctx)).StartStep())
            .Resolve("Process", "ruleSet", ctx => ((ProcessDefinition)Definition(ctx)).RuleSet)
            .Resolve("Process", "sla", ctx => ((ProcessDefinition)Definition(ctx)).Sla)
            .Resolve("Process", "steps", ctx => ((ProcessDefinition)Definition(ctx)).Steps)
            .Resolve("ProcessStep", "transitions", ctx => ToJson(((StepDefinition)ctx.Parent!).Transitions))
            .Resolve("Assignee", "externalEmail", ctx => ((AssigneeDefinition)ctx.Parent!).External?.Email)
            .Resolve("RuleSet", "rules", ctx => ((RuleSetDefinition)Definition(ctx)).Rules)
            .Resolve("Rule", "on", ctx => ((RuleDefinition)ctx.Parent!).On ?? "taskCompleted")
            .Resolve("Rule", "when", ctx => ToJson(((RuleDefinition)ctx.Parent!).When))
            .Resolve("Rule", "then", ctx => ToJson(((RuleDefinition)ctx.Parent!).Then))
            .BindExpressionQueries()
            .BindMutations()
            .BindSubscriptions()
            .BindRuntimeSubscriptions()
            .BindFormEvaluation()
            .BindFormDraftEvaluation()
            .BindRuntime()
            .BindOperations()
            .BindLiveRules()
            .BindExternalLinks()
            .BindBoundaries()
            .BindAnalytics()
            .BindRuntimeLists()
            .BindViewer()
            .BindRuleSimulation()
            .GuardRootFields(OperationRules.Check)
            .Build();
    }

    /// <summary>
    /// The SDL as checked in beside this file and embedded in the assembly: schema.graphql, then each area's own file
    /// (operations.graphql, ...) in name order, so an area extends the schema without editing the shared file.
    /// </summary>
    public static string ReadSdl()
    {
        const string main = "LowCode.Api.GraphQL.schema.graphql";
        var assembly = typeof(DefinitionsSchema).Assembly;
        var areas = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("LowCode.Api.GraphQL.", StringComparison.Ordinal) && n.EndsWith(".graphql", StringComparison.Ordinal) && n != main)
            .Order(StringComparer.Ordinal);
        return string.Join("\n", new[] { main }.Concat(areas).Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    private static async Task<IReadOnlyList<DefinitionVersion>> ListAsync(ResolveContext ctx, DefinitionKind kind)
    {
        var store = ctx.GetRequiredService<IDefinitionStore>();
        var status = ctx.HasArgument("status") ? ctx.GetArgument<DefinitionStatus?>("status") : null;
        var versions = await store.ListAsync(kind, status, ctx.CancellationToken).ConfigureAwait(false);
        if (status is not null)
        {
            return versions;
        }

        // One row per key: its draft when there is one, else its newest version (the store lists newest first).
        return [.. versions.GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => g.FirstOrDefault(v => v.Version == 0) ?? g.First())];
    }

    private static Task<DefinitionVersion?> GetAsync(ResolveContext ctx, DefinitionKind kind) =>
        ctx.GetRequiredService<IDefinitionStore>().GetAsync(
            kind,
            ctx.GetArgument<string>("key")!,
            ctx.HasArgument("version") ? ctx.GetArgument<int?>("version") : null,
            ctx.CancellationToken);

    private static IDefinition Definition(ResolveContext ctx) => ((DefinitionVersion)ctx.Parent!).Definition;

    private static JsonElement ToJson<T>(T value) => JsonSerializer.SerializeToElement(value, DefinitionJson.Options);

    private static string TypeName(DefinitionKind kind) => kind switch
    {
        DefinitionKind.Form => "Form",
        DefinitionKind.Process => "Process",
        _ => "RuleSet",
    };
}
