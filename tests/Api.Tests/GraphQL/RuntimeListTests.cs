using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Data.Common;
using System.Text.Json;
using LowCode.Api.Hosting;
using LowCode.Engine.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// The runtime's lists and reads: visibility per principal, cursor paging with a capped page size, filters, and a nested
/// query whose SQL command count does not grow with the page size. Runs on SQLite and on PostgreSQL through the
/// subclasses at the end of the file.
/// </summary>
public abstract class RuntimeListTests(DatabaseProvider provider)
{
    private const string Start = "mutation($b: String) { startProcess(key: \"expense-approval\", businessKey: $b) { instance { id } createdTasks { id } error { message } } }";

    [Fact]
    public async Task AUserCannotSeeAnotherUsersTaskOrInstance_ButSeesItsOwnInItsInbox()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        var started = (await GraphQLClient.PostAsync(client, Start, new { b = "own" }, emma)).GetProperty("data").GetProperty("startProcess");
        var taskId = started.GetProperty("createdTasks")[0].GetProperty("id").GetString();
        var instanceId = started.GetProperty("instance").GetProperty("id").GetString();

        var mine = await GraphQLClient.PostAsync(client, "{ myTasks { totalCount nodes { id } } }", emma);
        var stranger = Caller.User("eve@example.com", "sales");
        var theirs = await GraphQLClient.PostAsync(client, "query($id: ID!) { task(id: $id) { id } }", new { id = taskId }, stranger);
        var theirInstance = await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { id } }", new { id = instanceId }, stranger);
        var theirList = await GraphQLClient.PostAsync(client, "{ tasks(first: 100) { totalCount } instances(first: 100) { totalCount } }", stranger);
        var analyst = await GraphQLClient.PostAsync(client, "query($id: ID!) { task(id: $id) { id prefill } }", new { id = taskId }, Caller.Analyst("ana@example.com"));

        Assert.Contains(mine.GetProperty("data").GetProperty("myTasks").GetProperty("nodes").EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
        Assert.Equal("FORBIDDEN", Code(theirs));
        Assert.Equal("FORBIDDEN", Code(theirInstance));
        Assert.Equal(0, theirList.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, theirList.GetProperty("data").GetProperty("instances").GetProperty("totalCount").GetInt32());
        Assert.Equal(taskId, analyst.GetProperty("data").GetProperty("task").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Object, analyst.GetProperty("data").GetProperty("task").GetProperty("prefill").ValueKind);
    }

    [Fact]
    public async Task Lists_PageWithCursors_FilterInSql_AndRefuseAPageOver100()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        for (var i = 0; i < 5; i++)
        {
            await GraphQLClient.PostAsync(client, Start, new { b = $"page-{i}" }, emma);
        }

        const string Page = "query($after: String) { instances(first: 2, after: $after, filter: { processKey: \"expense-approval\", startedBy: \"emma@example.com\" }, orderBy: { direction: ASC }) { totalCount edges { cursor node { businessKey } } pageInfo { hasNextPage endCursor } } }";
        var keys = new List<string?>();
        string? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = (await GraphQLClient.PostAsync(client, Page, new { after }, Caller.Analyst("ana@example.com"))).GetProperty("data").GetProperty("instances");
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            keys.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("businessKey").GetString()));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        var open = await GraphQLClient.PostAsync(client, "{ tasks(first: 100, filter: { group: \"employee\", status: [OPEN], processKey: \"expense-approval\" }, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount nodes { stepKey status } } }", emma);
        var tooBig = await GraphQLClient.PostAsync(client, "{ tasks(first: 101) { totalCount } }", emma);
        var badCursor = await GraphQLClient.PostAsync(client, "{ tasks(after: \"nonsense\") { totalCount } }", emma);

        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], keys);
        Assert.Equal(5, open.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32());
        Assert.All(open.GetProperty("data").GetProperty("tasks").GetProperty("nodes").EnumerateArray(), t => Assert.Equal("OPEN", t.GetProperty("status").GetString()));
        Assert.Equal("BAD_USER_INPUT", Code(tooBig));
        Assert.Contains("1 to 100", tooBig.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", Code(badCursor));
    }

    [Fact]
    public async Task InstancesWithTasksTimelinesAndDecisions_RunTheSameNumberOfSqlCommands_AtPageSizes1_10And100()
    {
        var counter = new CommandCounter();
        using var factory = new CountingApiFactory(provider, counter);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        for (var i = 0; i < 100; i++)
        {
            await GraphQLClient.PostAsync(client, Start, new { b = $"n1-{i}" }, emma);
        }

        const string Nested = "query($n: Int) { instances(first: $n) { edges { node { id openTasks { id stepKey } timeline { type actor } decisions { step target } } } } }";
        var analyst = Caller.Analyst("ana@example.com");
        await GraphQLClient.PostAsync(client, Nested, new { n = 100 }, analyst);

        var counts = new List<int>();
        var texts = new List<string>();
        foreach (var size in new[] { 1, 10, 100 })
        {
            counter.Reset();
            var result = await GraphQLClient.PostAsync(client, Nested, new { n = size }, analyst);
            counts.Add(counter.Count);
            texts.Add(string.Join(" | ", counter.Texts.Select(t => t.Length > 60 ? t[..60] : t)));
            var edges = result.GetProperty("data").GetProperty("instances").GetProperty("edges");
            Assert.Equal(size, edges.GetArrayLength());
            Assert.All(edges.EnumerateArray(), e => Assert.NotEqual(0, e.GetProperty("node").GetProperty("timeline").GetArrayLength()));
        }

        // One command each for the count, the page, its tasks and its events, whatever the page size (the API key was
        // read by the warm-up request and is cached): the DataLoader dispatches its batch only once the page's walk has
        // queued every key, on both databases.
        const int Bound = 4;
        Assert.True(counts.All(c => c == counts[0]) && counts[0] <= Bound, $"SQL commands at page sizes 1, 10, 100: {string.Join(", ", counts)} (equal, at most {Bound})\n{string.Join("\n", texts)}");
    }

    [Fact]
    public async Task ACreatedTasksPrefill_IsThereWhenSelected_DirectlyOrThroughAFragment()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");

        var direct = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { createdTasks { id prefill } } }", emma);
        var fragment = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { createdTasks { ...Opened } } } fragment Opened on Task { id prefill }", emma);
        var inline = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { createdTasks { id ... on Task { prefill } } } }", emma);
        var read = await GraphQLClient.PostAsync(client, "query($id: ID!) { task(id: $id) { ... on Task { prefill } } }", new { id = direct.GetProperty("data").GetProperty("startProcess").GetProperty("createdTasks")[0].GetProperty("id").GetString() }, emma);

        Assert.All([direct, fragment, inline], r => Assert.Equal(JsonValueKind.Object, r.GetProperty("data").GetProperty("startProcess").GetProperty("createdTasks")[0].GetProperty("prefill").ValueKind));
        Assert.Equal(JsonValueKind.Object, read.GetProperty("data").GetProperty("task").GetProperty("prefill").ValueKind);
    }

    [Fact]
    public async Task AStepsInstance_AskedOnlyForItsIdAndDecisions_IsNotReadAgain_ButIsWhenMoreIsAsked()
    {
        var counter = new CommandCounter();
        using var factory = new CountingApiFactory(provider, counter);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        await GraphQLClient.PostAsync(client, Start, new { b = "warm-up" }, emma);
        const string Lean = "mutation($b: String) { startProcess(key: \"expense-approval\", businessKey: $b) { instance { id ... on Instance { __typename decisions { step } } } } }";
        const string Full = "mutation($b: String) { startProcess(key: \"expense-approval\", businessKey: $b) { instance { id status decisions { step } } } }";

        counter.Reset();
        var lean = (await GraphQLClient.PostAsync(client, Lean, new { b = "lean" }, emma)).GetProperty("data").GetProperty("startProcess").GetProperty("instance");
        var leanCommands = counter.Texts.ToList();
        counter.Reset();
        var full = (await GraphQLClient.PostAsync(client, Full, new { b = "full" }, emma)).GetProperty("data").GetProperty("startProcess").GetProperty("instance");
        var fullCommands = counter.Texts.ToList();
        var read = await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { id decisions { step } } }", new { id = lean.GetProperty("id").GetString() }, emma);

        // The instance read and its open tasks' read are the two commands the lean request leaves out.
        Assert.DoesNotContain(leanCommands, t => t.Contains("\"StartedBy\"", StringComparison.Ordinal));
        Assert.Contains(fullCommands, t => t.Contains("\"StartedBy\"", StringComparison.Ordinal));
        Assert.Equal(fullCommands.Count - 2, leanCommands.Count);
        Assert.Equal("running", full.GetProperty("status").GetString());
        Assert.Equal("Instance", lean.GetProperty("__typename").GetString());
        Assert.Equal(read.GetProperty("data").GetProperty("instance").GetProperty("decisions").ToString(), lean.GetProperty("decisions").ToString());
    }

    [Fact]
    public async Task AStepsCreatedTasks_AreAnsweredFromTheStep_AsATaskReadWouldAnswer_WithoutReadingTheTasksAgain()
    {
        var counter = new CommandCounter();
        using var factory = new CountingApiFactory(provider, counter);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        await GraphQLClient.PostAsync(client, Start, new { b = "warm-up" }, emma);
        const string Fields = "id stepKey stepName status assigneeRole assigneeUser formKey formVersion outcomes dueAt etag";

        counter.Reset();
        var started = (await GraphQLClient.PostAsync(client, $"mutation($b: String) {{ startProcess(key: \"expense-approval\", businessKey: $b) {{ createdTasks {{ {Fields} }} }} }}", new { b = "created" }, emma))
            .GetProperty("data").GetProperty("startProcess").GetProperty("createdTasks");
        var commands = counter.Texts.ToList();
        var created = Assert.Single(started.EnumerateArray());
        var read = await GraphQLClient.PostAsync(client, $"query($id: ID!) {{ task(id: $id) {{ {Fields} }} }}", new { id = created.GetProperty("id").GetString() }, emma);

        // SQLite's SQL quotes the table name, PostgreSQL's does not need to.
        Assert.DoesNotContain(commands, t => System.Text.RegularExpressions.Regex.IsMatch(t, "FROM \"?tasks\"?\\s"));
        Assert.Equal(read.GetProperty("data").GetProperty("task").ToString(), created.ToString());
    }

    [Theory]
    [InlineData("tasks", "orderBy: { field: CREATED_AT, direction: ASC }")]
    [InlineData("tasks", "orderBy: { field: CREATED_AT, direction: DESC }")]
    [InlineData("tasks", "orderBy: { field: DUE_AT, direction: ASC }")]
    [InlineData("tasks", "orderBy: { field: DUE_AT, direction: DESC }")]
    [InlineData("instances", "orderBy: { direction: ASC }")]
    [InlineData("instances", "orderBy: { direction: DESC }")]
    [InlineData("myTasks", "")]
    public async Task PagingThrough_WithRowsInsertedBetweenPages_MissesNoneAndRepeatsNone_InSql(string list, string order)
    {
        var counter = new CommandCounter();
        using var factory = new CountingApiFactory(provider, counter);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        for (var i = 0; i < 7; i++)
        {
            await GraphQLClient.PostAsync(client, Start, new { b = $"before-{i}" }, emma);
        }

        // Half the tasks get a due date, so the DUE_AT sorts cross from dated tasks to undated ones mid-list.
        var claimed = (await GraphQLClient.PostAsync(client, "{ tasks(first: 100) { nodes { id } } }", emma)).GetProperty("data").GetProperty("tasks").GetProperty("nodes");
        await using (var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync())
        {
            var ids = claimed.EnumerateArray().Select(n => n.GetProperty("id").GetString()).Where((_, index) => index % 2 == 0).ToList();
            var due = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var task in db.Tasks.Where(t => ids.Contains(t.Id)).ToList())
            {
                task.DueAt = due;
            }

            await db.SaveChangesAsync();
        }

        var arguments = order.Length == 0 ? string.Empty : ", " + order;
        var page = $"query($after: String) {{ {list}(first: 2, after: $after{arguments}) {{ edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage hasPreviousPage endCursor }} }} }}";
        var all = $"{{ {list}(first: 100{arguments}) {{ nodes {{ id }} }} }}";
        var before = (await GraphQLClient.PostAsync(client, all, emma)).GetProperty("data").GetProperty(list).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

        var seen = new List<string>();
        string? after = null;
        string? pageSql = null;
        for (var pages = 0; pages < 20; pages++)
        {
            counter.Reset();
            var result = (await GraphQLClient.PostAsync(client, page, new { after }, emma)).GetProperty("data").GetProperty(list);
            pageSql ??= after is null ? null : counter.Texts.FirstOrDefault(t => t.Contains("ORDER BY", StringComparison.Ordinal));
            Assert.Equal(after is not null, result.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            seen.AddRange(result.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            if (!result.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = result.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            await GraphQLClient.PostAsync(client, Start, new { b = $"between-{pages}" }, emma);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
        Assert.True(before.Count >= 7, $"{list} listed {before.Count} items before paging");
        Assert.NotNull(pageSql);
        Assert.Contains("LIMIT", pageSql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("OFFSET", pageSql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMalformedOrForeignCursor_IsBadUserInput_SayingWhatIsWrong()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var emma = Caller.User("emma@example.com", "employee");
        for (var i = 0; i < 2; i++)
        {
            await GraphQLClient.PostAsync(client, Start, new { b = $"cursor-{i}" }, emma);
        }

        var tasksCursor = (await GraphQLClient.PostAsync(client, "{ tasks(first: 1) { pageInfo { endCursor } } }", emma))
            .GetProperty("data").GetProperty("tasks").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        const string Instances = "query($after: String) { instances(first: 1, after: $after) { totalCount } }";
        const string TasksDescending = "query($after: String) { tasks(first: 1, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount } }";

        var garbage = await GraphQLClient.PostAsync(client, Instances, new { after = "not a cursor!" }, emma);
        var offsetCursor = await GraphQLClient.PostAsync(client, Instances, new { after = Convert.ToBase64String("o:3"u8.ToArray()) }, emma);
        var otherList = await GraphQLClient.PostAsync(client, Instances, new { after = tasksCursor }, emma);
        var otherSort = await GraphQLClient.PostAsync(client, TasksDescending, new { after = tasksCursor }, emma);

        Assert.All([garbage, offsetCursor, otherList, otherSort], r => Assert.Equal("BAD_USER_INPUT", Code(r)));
        Assert.Contains("does not decode", Message(garbage), StringComparison.Ordinal);
        Assert.Contains("does not decode", Message(offsetCursor), StringComparison.Ordinal);
        Assert.Contains("a cursor of tasks sorted by CREATED_AT ASC, but this request lists instances sorted by STARTED_AT DESC", Message(otherList), StringComparison.Ordinal);
        Assert.Contains("a cursor of tasks sorted by CREATED_AT ASC, but this request lists tasks sorted by CREATED_AT DESC", Message(otherSort), StringComparison.Ordinal);
    }

    private static string Message(JsonElement result) => result.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private static string? Code(JsonElement result) =>
        result.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    /// <summary>The Api with a command counter added to its database contexts.</summary>
    private sealed class CountingApiFactory(DatabaseProvider provider, CommandCounter counter) : ApiFactory(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(sp => DatabaseConfiguration.Read(
                    sp.GetRequiredService<IConfiguration>(),
                    sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath) with { Interceptors = [counter] });

                // The timer/outbox poller and the retention sweep query on their own schedule; counted, they would
                // add commands at random moments to whichever page size was being measured.
                services.RemoveAll<IHostedService>();
            });
        }
    }

    /// <summary>Counts the SQL commands every context of the Api sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        public IEnumerable<string> Texts => _texts;

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            _texts.Clear();
        }

        private void Record(DbCommand command)
        {
            Interlocked.Increment(ref _count);
            _texts.Enqueue(command.CommandText.ReplaceLineEndings(" "));
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class RuntimeListTestsOnSqlite() : RuntimeListTests(DatabaseProvider.Sqlite);

public sealed class RuntimeListTestsOnPostgreSQL() : RuntimeListTests(DatabaseProvider.PostgreSQL);
