using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Operations;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Operations.Erasure;
using LowCode.Engine.Operations.Migration;
using LowCode.Engine.Operations.Repair;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Tasks;
using LowCode.Engine.Tests.Processes;
using LowCode.Engine.Tests.Seed;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Operations;

/// <summary>The operations services over a <see cref="RuntimeHarness"/>'s database and clock, as the engine registers them.</summary>
internal sealed class OperationsHarness
{
    private static readonly ExpressionEvaluator Expressions = new();

    public OperationsHarness(RuntimeHarness runtime, RetentionOptions? retention = null)
    {
        Runtime = runtime;
        var contexts = runtime.Database.Contexts;
        var definitions = new DefinitionCache();
        var frame = new InstanceOperationFrame(
            contexts,
            Expressions,
            new RuleSetCache(new RoutingRuleSetCompiler(new SandboxRuleExpressions(Expressions, runtime.Clock))),
            definitions,
            runtime.Options,
            runtime.Clock,
            runtime.Links);
        DryRun = new RuleSetDryRun(contexts, Expressions);
        Repair = new InstanceRepair(frame);
        Migrator = new InstanceMigrator(contexts, definitions, runtime.Clock);
        Erasure = new InstanceErasure(contexts, runtime.Clock);
        Retention = new RetentionSweep(contexts, Erasure, retention ?? new RetentionOptions(), runtime.Clock);
    }

    public static Principal Admin { get; } = new("ada@example.com", ["admin"]);

    public RuntimeHarness Runtime { get; }

    public RuleSetDryRun DryRun { get; }

    public InstanceRepair Repair { get; }

    public InstanceMigrator Migrator { get; }

    public InstanceErasure Erasure { get; }

    public RetentionSweep Retention { get; }

    public static OperationRequest Because(string reason) => new(Admin, reason);

    public static string SeedFile(string app, string file) => File.ReadAllText(RepositoryRoot.Combine("seed", app, file));

    /// <summary>
    /// Raises PAYMENT_FAILED on an instance parked at the payment step the way the seed's rules do when the ERP refuses
    /// the payment: the seed rule set decides on a <c>webhookFailed</c> event at <c>payment</c>, and its
    /// raiseException is written onto the instance with its event. (The webhook runtime that sends this event is
    /// built in parallel; this stands in for its failure.)
    /// </summary>
    public async Task RaisePaymentFailedAsync(string instanceId)
    {
        var compiled = new RoutingRuleSetCompiler(new SandboxRuleExpressions(Expressions, Runtime.Clock))
            .Compile(DefinitionJson.Parse<RuleSetDefinition>(SeedFile("expense-approval", "expense-routing.ruleset.json"))!, 1).RuleSet!;
        await using var db = await Runtime.Database.Contexts.CreateDbContextAsync();
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId);
        var decision = RoutingDecider.Decide(compiled, JsonNode.Parse(instance.Data)!.AsObject(), new RoutingEvent("webhookFailed", "payment"));
        var raise = Assert.Single(decision.Actions, a => a.Name == ActionTypes.RaiseException);
        var now = Runtime.Clock.GetUtcNow();
        var state = InstanceState.Read(instance);
        var entry = new ExceptionEntry(raise.Arguments["code"]!.ToString()!, raise.Arguments["message"]!.ToString()!, raise.Arguments["severity"]!.ToString()!, "payment", raise.Rule, now);
        state.Exceptions.Add(entry);
        state.WriteTo(instance);
        EventLog.Append(db, EventTypes.ExceptionRaised, instance, now, "system", new JsonObject { ["code"] = entry.Code, ["message"] = entry.Message, ["severity"] = entry.Severity, ["rule"] = entry.RaisedBy }, "payment");
        await db.SaveChangesAsync();
        Assert.Equal("PAYMENT_FAILED", entry.Code);
    }

    /// <summary>An expense claim of <paramref name="amount"/>, submitted and approved by the manager: under 1,000 it waits at payment.</summary>
    public async Task<string> ApprovedClaimAsync(double amount, string outcome = "approved")
    {
        var id = await Runtime.StartAsync("expense-approval", RuntimeHarness.Employee);
        await Runtime.CompleteAsync(await Runtime.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(amount));
        await Runtime.CompleteAsync(await Runtime.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), outcome);
        return id;
    }

    /// <summary>Publishes the expense rule set without its routes, so an approval at managerApproval stops at NO_ROUTE.</summary>
    public async Task PublishRoutingWithoutRoutesAsync()
    {
        var routing = SeedFile("expense-approval", "expense-routing.ruleset.json")
            .Replace("\"goTo\", \"step\": \"financeReview\"", "\"setData\", \"path\": \"size\", \"value\": \"large\"", StringComparison.Ordinal)
            .Replace("\"goTo\", \"step\": \"payment\"", "\"setData\", \"path\": \"size\", \"value\": \"small\"", StringComparison.Ordinal);
        await Definitions.PublishRuleSetAsync(Runtime, routing);
    }

    public async Task<List<InstanceEvent>> EventsAsync(string instanceId, string type) =>
        [.. (await Runtime.Runtime.TimelineAsync(instanceId)).Where(e => e.Type == type)];

    public static void Succeeded<T>(RuntimeResult<T> result)
        where T : class =>
        Assert.True(result.Succeeded, result.Error is { } e ? $"{e.Kind}: {e.Message} {string.Join("; ", e.Problems)}" : null);

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
