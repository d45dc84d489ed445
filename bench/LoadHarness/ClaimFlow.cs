using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// One client's work on one instance, as a front end does it: start the claim, open the task, complete it, open the
/// approval, approve it. Every answer is checked; the first thing wrong ends the flow as a failed request.
/// </summary>
internal sealed class ClaimFlow(HttpClient http, string userKey, string processKey, RoundStats stats, RuleSetRepublisher? republisher, HttpClient? duplicateTo = null)
{
    /// <summary>Every operation a client sends, for the latency columns.</summary>
    public static readonly string[] Operations = ["startProcess", "task", "completeTask"];

    private const string Start = "mutation($key: ID!, $idem: String) { startProcess(key: $key, idempotencyKey: $idem) { instance { id } createdTasks { id stepKey } error { kind message } problems { path code message } } }";
    private const string Open = "query($id: ID!) { task(id: $id) { id status stepKey prefill } }";
    private const string Complete = "mutation($id: ID!, $data: JSON, $outcome: String, $idem: String) { completeTask(id: $id, data: $data, outcome: $outcome, idempotencyKey: $idem) { completedTaskId replayed createdTasks { id stepKey } error { kind message } problems { path code message } } }";
    private const string CompleteWithDecisions = "mutation($id: ID!, $data: JSON, $outcome: String, $idem: String) { completeTask(id: $id, data: $data, outcome: $outcome, idempotencyKey: $idem) { completedTaskId replayed createdTasks { id stepKey } error { kind message } problems { path code message } instance { decisions { step ruleSetVersion } } } }";

    /// <summary>The instance's id when it was approved; null when a request failed.</summary>
    public async Task<string?> RunAsync(Random random, long? arrival = null)
    {
        var started = GraphQLCaller.Payload(
            await GraphQLCaller.PostAsync(http, userKey, stats, "startProcess", Start, new { key = processKey, idem = Guid.NewGuid().ToString("N") }, arrival),
            "startProcess", stats, "startProcess");
        if (started is not { } start)
        {
            return null;
        }

        stats.Started();
        var instance = start.GetProperty("instance").GetProperty("id").GetString()!;
        var submit = Single(start, "submit", "startProcess");
        if (submit is null || !await OpenAsync(submit, "submit"))
        {
            return null;
        }

        var approve = await CompleteAsync(submit, "submit", LoadDefinitions.Claim(random), null, "approve");
        if (approve is null || !await OpenAsync(approve, "approve"))
        {
            return null;
        }

        return await CompleteAsync(approve, "approve", new { reviewComment = "Fine." }, "approved", null) is not null ? instance : null;
    }

    private async Task<bool> OpenAsync(string taskId, string step)
    {
        var data = await GraphQLCaller.PostAsync(http, userKey, stats, "task", Open, new { id = taskId });
        if (data is not { } value)
        {
            return false;
        }

        var task = value.GetProperty("task");
        if (task.ValueKind != JsonValueKind.Object || task.GetProperty("status").GetString() != "OPEN" || task.GetProperty("stepKey").GetString() != step)
        {
            stats.Fail("task", $"task {taskId} should be the open {step} task: {task}");
            return false;
        }

        return true;
    }

    /// <summary>Completes the task; returns the id of the task it must create at <paramref name="expectNext"/> (any non-null text when none is expected).</summary>
    private async Task<string?> CompleteAsync(string taskId, string step, object data, string? outcome, string? expectNext)
    {
        var since = republisher?.Acknowledged;
        var variables = new { id = taskId, data, outcome, idem = taskId };
        async Task<JsonElement?> SendAsync(HttpClient node) => GraphQLCaller.Payload(
            await GraphQLCaller.PostAsync(node, userKey, stats, "completeTask", since is null ? Complete : CompleteWithDecisions, variables),
            "completeTask", stats, "completeTask");
        var completed = duplicateTo is not null ? Once(await Task.WhenAll(SendAsync(http), SendAsync(duplicateTo)), taskId) : await SendAsync(http);
        if (completed is not { } payload)
        {
            return null;
        }

        stats.Completed();
        if (since is { } acknowledged)
        {
            CheckDecision(payload, step, acknowledged);
        }

        if (expectNext is null)
        {
            if (payload.GetProperty("createdTasks").GetArrayLength() == 0)
            {
                return taskId;
            }

            stats.Fail("completeTask", $"approving {taskId} should create no task: {payload.GetProperty("createdTasks")}");
            return null;
        }

        return Single(payload, expectNext, "completeTask");
    }

    /// <summary>
    /// A decision made by a request sent after version <paramref name="acknowledged"/>'s publish was acknowledged must be
    /// on that version or a later one: the design promises the very next decision on every node.
    /// </summary>
    private void CheckDecision(JsonElement payload, string step, (int Version, bool AfterPublish) acknowledged)
    {
        var decision = payload.GetProperty("instance").GetProperty("decisions").EnumerateArray().LastOrDefault(d => d.GetProperty("step").GetString() == step);
        if (decision.ValueKind != JsonValueKind.Object || decision.GetProperty("ruleSetVersion").ValueKind != JsonValueKind.Number)
        {
            stats.Fail("completeTask", $"completing {step} recorded no decision with a rule-set version: {payload}");
            return;
        }

        var version = decision.GetProperty("ruleSetVersion").GetInt32();
        if (!acknowledged.AfterPublish)
        {
            return;
        }

        var stale = version < acknowledged.Version;
        stats.Decision(stale);
        if (stale)
        {
            stats.Fail("completeTask", $"the {step} decision used rule-set version {version} although version {acknowledged.Version} was published before the request was sent");
        }
    }

    /// <summary>
    /// Two identical completions sent at once (a client retrying before the first answer came back) must both succeed,
    /// exactly one of them doing the work and the other replaying its result: the task is completed once.
    /// </summary>
    private JsonElement? Once(JsonElement?[] answers, string taskId)
    {
        if (answers.Any(a => a is null))
        {
            return null;
        }

        var payloads = answers.Select(a => a!.Value).ToList();
        var done = payloads.Where(p => !p.GetProperty("replayed").GetBoolean()).ToList();
        var ids = payloads.Select(p => string.Join(",", p.GetProperty("createdTasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()))).Distinct().Count();
        if (done.Count != 1 || ids != 1)
        {
            stats.Fail("completeTask", $"two identical completions of {taskId} with one idempotency key: {done.Count} did the work (must be 1) and they created {ids} different task lists: {string.Join(" | ", payloads)}");
            return null;
        }

        return done[0];
    }

    private string? Single(JsonElement payload, string step, string operation)
    {
        var tasks = payload.GetProperty("createdTasks");
        if (tasks.GetArrayLength() == 1 && tasks[0].GetProperty("stepKey").GetString() == step)
        {
            return tasks[0].GetProperty("id").GetString();
        }

        stats.Fail(operation, $"expected one new {step} task, got {tasks}");
        return null;
    }
}
