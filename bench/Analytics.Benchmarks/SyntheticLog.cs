using System.Data.Common;
using System.Globalization;
using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace LowCode.Analytics.Benchmarks;

/// <summary>
/// Bulk-loads an expense-approval log with the runtime's shapes (the same event types, step keys, payload properties
/// and sizes, in the order the runtime appends them): rework loops, Finance reviews, a workaround route under rule-set
/// version 2, SLA breaches, exceptions, claims and open instances. Driving a million events through the runtime takes
/// hours on this machine, so the benchmark loads them directly; the tests build their histories through the runtime.
/// </summary>
internal sealed class SyntheticLog(int targetEvents)
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly string Facts = "{\"data\":{\"employee\":{\"employeeName\":\"Emma Example\",\"employeeEmail\":\"emma@example.com\",\"managerEmail\":\"max@example.com\",\"department\":\"sales\",\"costCenter\":\"CC-1234\"},\"isTravel\":false,\"currency\":\"EUR\",\"lines\":[{\"date\":\"2026-02-20\",\"category\":\"meals\",\"description\":\"Customer dinner with the buying team\",\"amount\":840}],\"receipts\":[{\"name\":\"receipt.pdf\",\"contentType\":\"application/pdf\",\"size\":2048}],\"total\":840,\"employeeName\":\"Emma Example\",\"employeeEmail\":\"emma@example.com\",\"managerEmail\":\"max@example.com\"},\"event\":{\"type\":\"taskCompleted\",\"step\":\"managerApproval\",\"outcome\":\"approved\"},\"instance\":{\"id\":\"0195b2c0a1b2c3d4e5f6a7b8c9d0e1f2\",\"processKey\":\"expense-approval\",\"processVersion\":1,\"businessKey\":null},\"exceptions\":[]}";
    private static readonly string Trace = "[{\"rule\":\"other-claims-go-to-payment\",\"activated\":true,\"fired\":true},{\"rule\":\"large-claims-go-to-finance\",\"activated\":false,\"fired\":false}]";
    private static readonly string Submission = "{\"employee\":{\"employeeName\":\"Emma Example\",\"employeeEmail\":\"emma@example.com\",\"managerEmail\":\"max@example.com\",\"department\":\"sales\",\"costCenter\":\"CC-1234\"},\"isTravel\":false,\"currency\":\"EUR\",\"lines\":[{\"date\":\"2026-02-20\",\"category\":\"meals\",\"description\":\"Customer dinner\",\"amount\":840}],\"total\":840}";

    private static readonly string[] EventParameterNames = ["$t", "$i", "$k", "$s", "$a", "$p", "$o"];
    private static readonly string[] InstanceParameterNames = ["$id", "$status", "$data", "$started", "$completed"];

    public int Instances { get; private set; }

    public int Events { get; private set; }

    public async Task LoadAsync(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await LoadSqliteAsync(options.ConnectionString).ConfigureAwait(false);
        }
        else
        {
            await LoadPostgresAsync(options.ConnectionString).ConfigureAwait(false);
        }
    }

    private async Task LoadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        var events = connection.CreateCommand();
        events.CommandText = "INSERT INTO events (\"Type\", \"InstanceId\", \"TaskId\", \"StepKey\", \"Actor\", \"Payload\", \"OccurredAt\") VALUES ($t, $i, $k, $s, $a, $p, $o)";
        var eventParameters = EventParameterNames.Select(n => events.Parameters.Add(n, SqliteType.Text)).ToArray();
        var instances = connection.CreateCommand();
        instances.CommandText = "INSERT INTO instances (\"Id\", \"ProcessKey\", \"ProcessVersion\", \"Status\", \"Data\", \"PinnedForms\", \"Positions\", \"Parallel\", \"Exceptions\", \"StartedBy\", \"StartedAt\", \"CompletedAt\", \"ETag\") VALUES ($id, 'expense-approval', 1, $status, $data, '{}', '[]', '[]', '[]', 'emma@example.com', $started, $completed, $id)";
        var instanceParameters = InstanceParameterNames.Select(n => instances.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var (instance, log) in Generate())
        {
            Set(instanceParameters, instance.Id, instance.Completed is null ? "running" : "completed", Submission, instance.Started, instance.Completed);
            await instances.ExecuteNonQueryAsync().ConfigureAwait(false);
            foreach (var e in log)
            {
                Set(eventParameters, e.Type, instance.Id, e.Task, e.Step, e.Actor, e.Payload, e.At);
                await events.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task LoadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        // Two passes over the same deterministic generator: one per table, so nothing is held in memory.
        await using (var writer = await connection.BeginBinaryImportAsync("COPY instances (\"Id\", \"ProcessKey\", \"ProcessVersion\", \"Status\", \"Data\", \"PinnedForms\", \"Positions\", \"Parallel\", \"Exceptions\", \"StartedBy\", \"StartedAt\", \"CompletedAt\", \"ETag\") FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var (instance, _) in Generate())
            {
                await writer.StartRowAsync().ConfigureAwait(false);
                await writer.WriteAsync(instance.Id).ConfigureAwait(false);
                await writer.WriteAsync("expense-approval").ConfigureAwait(false);
                await writer.WriteAsync(1).ConfigureAwait(false);
                await writer.WriteAsync(instance.Completed is null ? "running" : "completed").ConfigureAwait(false);
                foreach (var text in new[] { Submission, "{}", "[]", "[]", "[]", "emma@example.com" })
                {
                    await writer.WriteAsync(text).ConfigureAwait(false);
                }

                await writer.WriteAsync(instance.Started, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                if (instance.Completed is { } completed)
                {
                    await writer.WriteAsync(completed, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteNullAsync().ConfigureAwait(false);
                }

                await writer.WriteAsync(instance.Id).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY events (\"Type\", \"InstanceId\", \"TaskId\", \"StepKey\", \"Actor\", \"Payload\", \"OccurredAt\") FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var (instance, log) in Generate())
            {
                foreach (var e in log)
                {
                    await writer.StartRowAsync().ConfigureAwait(false);
                    await writer.WriteAsync(e.Type).ConfigureAwait(false);
                    await writer.WriteAsync(instance.Id).ConfigureAwait(false);
                    await WriteNullableAsync(writer, e.Task).ConfigureAwait(false);
                    await WriteNullableAsync(writer, e.Step).ConfigureAwait(false);
                    await WriteNullableAsync(writer, e.Actor).ConfigureAwait(false);
                    await writer.WriteAsync(e.Payload).ConfigureAwait(false);
                    await writer.WriteAsync(e.At, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                }
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            await writer.WriteNullAsync().ConfigureAwait(false);
        }
        else
        {
            await writer.WriteAsync(value).ConfigureAwait(false);
        }
    }

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                var value => value,
            };
        }
    }

    private sealed record Instance(string Id, DateTime Started, DateTime? Completed);

    private sealed record Event(string Type, string? Step, string? Task, string? Actor, string Payload, DateTime At);

    private IEnumerable<(Instance Instance, List<Event> Log)> Generate()
    {
        var random = new Random(42);
        var tasks = 0;
        Instances = 0;
        Events = 0;
        while (Events < targetEvents)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"i{Instances:D9}");
            var at = Start.AddMinutes(Instances * 2.5 + random.Next(0, 120));
            var started = at;
            var log = new List<Event>();
            var version = random.NextDouble() < 0.03 ? 2 : 1;
            void Add(string type, string? step, string? task, string? actor, string payload) => log.Add(new Event(type, step, task, actor, payload, at));
            string Route(string from, string? to, string source, string? rule) =>
                $"{{\"outcome\":null,\"facts\":{Facts},\"ruleSetKey\":\"expense-routing\",\"ruleSetVersion\":{version},\"firedRules\":[{(rule is null ? string.Empty : $"\"{rule}\"")}],\"routedBy\":{(rule is null ? "null" : $"\"{rule}\"")},\"trace\":{Trace},\"target\":{(to is null ? "null" : $"\"{to}\"")},\"source\":\"{source}\",\"processKey\":\"expense-approval\",\"processVersion\":1}}";
            string Task(string step, out string taskId)
            {
                taskId = string.Create(CultureInfo.InvariantCulture, $"t{tasks++:D10}");
                Add("taskCreated", step, taskId, "emma@example.com", "{\"formKey\":\"expense-claim\",\"formVersion\":1,\"assigneeRole\":\"employee\",\"assigneeUser\":null,\"dueAt\":null,\"processKey\":\"expense-approval\",\"processVersion\":1}");
                return taskId;
            }

            void Work(string step, string actor, string outcome, double claimChance, double hours)
            {
                Task(step, out var task);
                at = at.AddHours(random.NextDouble() * hours);
                if (random.NextDouble() < claimChance)
                {
                    Add("taskClaimed", step, task, actor, "{\"from\":null,\"to\":\"" + actor + "\",\"role\":\"finance\",\"processKey\":\"expense-approval\",\"processVersion\":1}");
                    at = at.AddMinutes(5 + random.Next(0, 90));
                }

                Add("taskCompleted", step, task, actor, $"{{\"outcome\":\"{outcome}\",\"formKey\":\"expense-claim\",\"formVersion\":1,\"data\":{Submission},\"processKey\":\"expense-approval\",\"processVersion\":1}}");
            }

            Add("instanceStarted", null, null, "emma@example.com", $"{{\"businessKey\":null,\"data\":{{}},\"pinnedForms\":{{\"expense-claim\":1,\"expense-review\":1}},\"processKey\":\"expense-approval\",\"processVersion\":1}}");
            Work("submit", "emma@example.com", "submitted", 0, 2);
            if (random.NextDouble() < 0.04)
            {
                Add("exceptionRaised", "submit", null, "emma@example.com", "{\"code\":\"LINE_OVER_POLICY_LIMIT\",\"message\":\"One expense line is above 5,000.\",\"severity\":\"info\",\"rule\":\"single-line-over-policy-limit\",\"processKey\":\"expense-approval\",\"processVersion\":1}");
            }

            var open = random.NextDouble() < 0.05;
            var large = random.NextDouble() < 0.3;
            if (version == 2 && large)
            {
                Add("routeDecided", "submit", null, "emma@example.com", Route("submit", "financeReview", "rule", "large-claims-skip-the-manager"));
            }
            else
            {
                Add("routeDecided", "submit", null, "emma@example.com", Route("submit", "managerApproval", "next", null));
                var loops = random.NextDouble() < 0.1 ? 1 : 0;
                for (var loop = 0; loop <= loops; loop++)
                {
                    if (open && loop == loops)
                    {
                        Task("managerApproval", out _);
                        break;
                    }

                    if (random.NextDouble() < 0.08)
                    {
                        at = at.AddHours(48);
                        Add("slaBreached", "managerApproval", null, "system", "{\"processKey\":\"expense-approval\",\"processVersion\":1}");
                        Add("exceptionRaised", "managerApproval", null, "system", "{\"code\":\"MANAGER_SLA_BREACHED\",\"message\":\"Escalated.\",\"severity\":\"warning\",\"rule\":\"late-manager-approval-escalates-to-finance-lead\",\"processKey\":\"expense-approval\",\"processVersion\":1}");
                    }

                    var rejected = loop < loops;
                    Work("managerApproval", "max@example.com", rejected ? "rejected" : "approved", 0.5, 30);
                    if (rejected)
                    {
                        Add("routeDecided", "managerApproval", null, "max@example.com", Route("managerApproval", "rework", "transition", null));
                        Work("rework", "emma@example.com", "submitted", 0, 20);
                        Add("routeDecided", "rework", null, "emma@example.com", Route("rework", "managerApproval", "next", null));
                    }
                    else
                    {
                        Add("routeDecided", "managerApproval", null, "max@example.com", large ? Route("managerApproval", "financeReview", "rule", "large-claims-go-to-finance") : Route("managerApproval", "payment", "rule", "other-claims-go-to-payment"));
                    }
                }
            }

            DateTime? completed = null;
            if (!open)
            {
                if (large)
                {
                    Work("financeReview", "fiona@example.com", "approved", 0.7, 50);
                    Add("routeDecided", "financeReview", null, "fiona@example.com", Route("financeReview", "payment", "transition", null));
                }

                Add("stepWaiting", "payment", null, "system", "{\"stepType\":\"webhook\",\"processKey\":\"expense-approval\",\"processVersion\":1}");
                at = at.AddMinutes(1 + random.Next(0, 30));
                Add("routeDecided", "payment", null, "system", Route("payment", "recordPayment", "next", null));
                Add("scriptRan", "recordPayment", null, "system", "{\"set\":{\"paidOn\":\"2026-02-21\",\"status\":\"paid\"},\"processKey\":\"expense-approval\",\"processVersion\":1}");
                Add("routeDecided", "recordPayment", null, "system", Route("recordPayment", "done", "next", null));
                Add("instanceCompleted", "done", null, "system", "{\"endStep\":\"done\",\"processKey\":\"expense-approval\",\"processVersion\":1}");
                completed = at;
            }

            Instances++;
            Events += log.Count;
            yield return (new Instance(id, started, completed), log);
        }
    }
}
