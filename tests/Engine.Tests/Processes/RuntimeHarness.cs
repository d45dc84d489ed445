using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Files;
using LowCode.Engine.Forms;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LowCode.Engine.Tests.Processes;

/// <summary>A migrated database with the seed apps published, and a process runtime over it on a fake clock.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private static readonly ExpressionEvaluator Expressions = new();
    private readonly List<ProcessRuntime> _runtimes = [];

    private RuntimeHarness(TestDatabase database)
    {
        Database = database;
        Runtime = CreateRuntime();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RuntimeHooks Hooks { get; } = new();

    public RuntimeOptions Options { get; } = new();

    public ProcessRuntime Runtime { get; }

    /// <summary>The links the runtime issued, as the participant's mailbox would receive them.</summary>
    public CapturedExternalLinks Links { get; } = new();

    public FileStorageOptions FileOptions { get; } = new();

    public FileStore Files => new(Database.Contexts, new DefinitionCache(), FileOptions, Clock);

    public static Principal Employee { get; } = new("emma@example.com", ["employee"]);

    public static Principal Manager { get; } = new("max@example.com", ["employee", "manager"]);

    public static Principal Finance { get; } = new("fiona@example.com", ["employee", "finance"]);

    public static Principal Security { get; } = new("sam@example.com", ["employee", "security-officer"]);

    public static async Task<RuntimeHarness> CreateAsync(DatabaseProvider provider, bool seed = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        if (seed)
        {
            var report = await database.Seeds.LoadAsync(RepositoryRoot.Combine("seed"));
            Assert.Empty(report.Failed);
        }

        return new RuntimeHarness(database);
    }

    /// <summary>Another runtime over the same database, with caches of its own (as a second Api node has).</summary>
    public ProcessRuntime CreateRuntime(RuntimeHooks? hooks = null)
    {
        var runtime = new ProcessRuntime(
            Database.Contexts,
            new FormEvaluator(Expressions),
            Expressions,
            new RuleSetCache(new RoutingRuleSetCompiler(new SandboxRuleExpressions(Expressions, Clock))),
            new DefinitionCache(),
            Clock,
            Options,
            hooks ?? Hooks,
            Links);
        _runtimes.Add(runtime);
        return runtime;
    }

    public async Task<string> StartAsync(string processKey, Principal starter, JsonObject? data = null, string? businessKey = null)
    {
        var started = await Runtime.StartAsync(processKey, data, businessKey, null, starter);
        Assert.True(started.Succeeded, started.Error?.Message);
        return started.Value!.InstanceId;
    }

    /// <summary>The one open task of an instance at <paramref name="stepKey"/>.</summary>
    public async Task<WorkTask> OpenTaskAsync(string instanceId, string stepKey)
    {
        var instance = await Runtime.GetInstanceAsync(instanceId);
        Assert.NotNull(instance);
        return Assert.Single(instance.OpenTasks, t => t.StepKey == stepKey);
    }

    /// <summary>
    /// Completes <paramref name="task"/> as <paramref name="principal"/>. A claim built by <see cref="Claims.Expense"/>
    /// without a receipt id holds <c>receipts: [null]</c>: that null is replaced by a receipt uploaded for this task
    /// first, as the employee would (claims over 50 need one), so history-building tests need not upload by hand.
    /// </summary>
    public async Task<StepResult> CompleteAsync(WorkTask task, Principal principal, JsonObject? data, string? outcome = null)
    {
        if (data?["receipts"] is JsonArray receipts && receipts.Count == 1 && receipts[0] is null)
        {
            receipts[0] = await UploadAsync(task.Id, principal, "receipts");
        }

        var completed = await Runtime.CompleteTaskAsync(task.Id, data, outcome, null, principal);
        Assert.True(completed.Succeeded, completed.Error is { } e ? $"{e.Kind}: {e.Message} {string.Join("; ", e.Problems)}" : null);
        return completed.Value!;
    }

    /// <summary>Completes an expense claim's submit task as the employee, with a receipt uploaded for it (claims over 50 need one).</summary>
    public async Task<StepResult> SubmitClaimAsync(string instanceId, double amount)
    {
        var submit = await OpenTaskAsync(instanceId, "submit");
        var receipt = amount > 50 ? await UploadAsync(submit.Id, Employee, "receipts") : null;
        return await CompleteAsync(submit, Employee, Claims.Expense(amount, receipt: receipt));
    }

    /// <summary>Uploads a file for a file field of a task's form and returns its id.</summary>
    public async Task<string> UploadAsync(string taskId, Principal principal, string field, string name = "receipt.pdf", string contentType = "application/pdf", int size = 2048)
    {
        using var content = new MemoryStream(new byte[size]);
        var uploaded = await Files.UploadAsync(new FileUpload(taskId, field, name, contentType, content), principal);
        Assert.True(uploaded.Succeeded, uploaded.Error?.Message);
        return uploaded.Value!.Id;
    }

    public async Task<ProcessInstance> InstanceAsync(string instanceId) => (await Runtime.GetInstanceAsync(instanceId))!;

    public static Principal User(string id, params string[] groups) => new(id, [.. groups]);

    public static ImmutableArray<string> Steps(ProcessInstance instance) => [.. instance.OpenTasks.Select(t => t.StepKey)];

    public ValueTask DisposeAsync()
    {
        // A runtime on SQLite holds its writer's connection open until it is disposed.
        foreach (var runtime in _runtimes)
        {
            runtime.Dispose();
        }

        return Database.DisposeAsync();
    }
}
