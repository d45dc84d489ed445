using System.Globalization;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// The harness's own app, published through the Api by the admin before the first round: an expense-claim-like form
/// (a repeating group of lines, a computed total, a cross-field validation), a review form, the routing rule set, and
/// two processes over them (one with a timer step after the approval, for the timer check).
/// </summary>
internal static class LoadDefinitions
{
    public const string Process = "load-claim";
    public const string TimedProcess = "load-claim-timed";
    public const string RuleSet = "load-routing";
    public const string Group = "load";

    private const string ClaimForm = """
        { "key": "load-claim", "name": "Load claim", "fields": [
            { "key": "employeeName", "type": "text", "label": "Name", "required": true, "maxLength": 120 },
            { "key": "currency", "type": "select", "required": true, "options": [ { "value": "EUR" }, { "value": "USD" } ] },
            { "key": "lines", "type": "repeating", "minRows": 1, "maxRows": 20, "fields": [
                { "key": "description", "type": "text", "required": true, "maxLength": 200 },
                { "key": "amount", "type": "number", "required": true, "min": 0.01, "max": 100000 } ] },
            { "key": "total", "type": "computed", "computed": "round(sum(lines, 'amount'), 2)" },
            { "key": "justification", "type": "textarea", "visibleWhen": "total > 1000", "requiredWhen": "total > 1000" } ],
          "validations": [ { "key": "totalIsPositive", "expression": "total > 0", "message": "Add a line with an amount.", "fields": [ "lines" ] } ] }
        """;

    private const string ReviewForm = """
        { "key": "load-review", "name": "Load review", "fields": [ { "key": "reviewComment", "type": "textarea", "maxLength": 1000 } ] }
        """;

    /// <summary>The routing rule set with the given threshold: each republish moves it, so versions differ in substance.</summary>
    public static string RuleSetBody(int threshold) => $$"""
        { "key": "{{RuleSet}}", "name": "Load routing (threshold {{threshold}})", "rules": [
            { "name": "large-claims", "salience": 100, "steps": [ "approve" ],
              "when": [ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" }, { "path": "total", "op": ">", "value": {{threshold}} } ],
              "then": [ { "type": "setData", "path": "approvalLevel", "value": "large" } ] },
            { "name": "other-claims", "salience": 50, "steps": [ "approve" ],
              "when": [ { "fact": "task", "path": "outcome", "op": "==", "value": "approved" }, { "path": "total", "op": "<=", "value": {{threshold}} } ],
              "then": [ { "type": "setData", "path": "approvalLevel", "value": "normal" } ] },
            { "name": "many-lines", "steps": [ "submit" ],
              "when": [ { "expression": "lines.length > 3" } ],
              "then": [ { "type": "setData", "path": "manyLines", "value": true } ] } ] }
        """;

    private static string ProcessBody(string key, bool timed) => $$"""
        { "key": "{{key}}", "name": "Load claim{{(timed ? " with a timer" : string.Empty)}}", "start": "submit", "ruleSet": "{{RuleSet}}", "steps": [
            { "key": "submit", "type": "formTask", "form": "load-claim", "assignee": { "role": "{{Group}}" }, "next": "approve" },
            { "key": "approve", "type": "approval", "form": "load-review", "assignee": { "role": "{{Group}}" }, "sla": "PT1H",
              "outcomes": [ "approved", "rejected" ], "transitions": { "rejected": "submit" }, "next": "{{(timed ? "cool" : "done")}}" },
            {{(timed ? """{ "key": "cool", "type": "timer", "duration": "PT1S", "next": "done" },""" : string.Empty)}}
            { "key": "done", "type": "end" } ] }
        """;

    /// <summary>Publishes whatever is not published yet (a rerun against the same database publishes nothing).</summary>
    public static async Task EnsurePublishedAsync(HttpClient http, string adminKey, RoundStats stats)
    {
        var definitions = new (string Kind, string Field, string Key, string Body)[]
        {
            ("FORM", "form", "load-claim", ClaimForm),
            ("FORM", "form", "load-review", ReviewForm),
            ("RULE_SET", "ruleSet", RuleSet, RuleSetBody(1000)),
            ("PROCESS", "process", Process, ProcessBody(Process, timed: false)),
            ("PROCESS", "process", TimedProcess, ProcessBody(TimedProcess, timed: true)),
        };
        foreach (var (kind, field, key, body) in definitions)
        {
            var existing = await GraphQLCaller.PostAsync(http, adminKey, stats, "setup", $"query($key: ID!) {{ {field}(key: $key) {{ version }} }}", new { key });
            if (existing is null || existing.Value.GetProperty(field).ValueKind != JsonValueKind.Null)
            {
                continue;
            }

            if (kind == "RULE_SET")
            {
                // A rule set goes live only behind a dry run of its exact draft, the first version too.
                await RuleSetRepublisher.PublishAsync(http, adminKey, stats, body, setup: true);
                continue;
            }

            var draft = GraphQLCaller.Payload(await GraphQLCaller.PostAsync(
                http, adminKey, stats, "setup",
                "mutation($kind: DefinitionKind!, $key: ID!, $definition: JSON!) { saveDraft(kind: $kind, key: $key, definition: $definition) { definition { etag } error { kind message } problems { path message } } }",
                new { kind, key, definition = JsonDocument.Parse(body).RootElement }), "saveDraft", stats, "setup");
            if (draft is null)
            {
                continue;
            }

            GraphQLCaller.Payload(await GraphQLCaller.PostAsync(
                http, adminKey, stats, "setup",
                "mutation($kind: DefinitionKind!, $key: ID!, $etag: String) { publish(kind: $kind, key: $key, etag: $etag) { definition { version } error { kind message } problems { path message } } }",
                new { kind, key, etag = draft.Value.GetProperty("definition").GetProperty("etag").GetString() }), "publish", stats, "setup");
        }
    }

    /// <summary>A claim as a front end would send it: 1 to 5 lines, a justification when the total needs one.</summary>
    public static object Claim(Random random)
    {
        var lines = Enumerable.Range(0, random.Next(1, 6))
            .Select(i => new { description = "Receipt " + (i + 1).ToString(CultureInfo.InvariantCulture), amount = Math.Round(random.NextDouble() * 400 + 1, 2) })
            .ToArray();
        return new
        {
            employeeName = "Load Client",
            currency = "EUR",
            lines,
            justification = lines.Sum(l => l.amount) > 1000 ? "A long business trip with several receipts." : null,
        };
    }
}
