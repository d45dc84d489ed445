using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Tests.Execution;

public sealed class RequestExecutorTests
{
    private readonly ExecutorTestSchema _test = new();

    private Task<ExecutionResult> RunAsync(string query, ExecutorOptions? options = null, RequestContext? context = null, CancellationToken cancellationToken = default) =>
        _test.Schema.CreateExecutor(options).ExecuteAsync(new GraphQLRequest(query), context, cancellationToken);

    [Fact]
    public async Task DataLoader_BatchesTheKeysOfAWholeListIntoOneCall()
    {
        var result = await RunAsync("{ books { title author { name } } }");
        Assert.Empty(result.Errors);
        var batch = Assert.Single(_test.Batches);
        Assert.Equal(["a1", "a2", "a0"], batch);
        Assert.Contains("\"author\":{\"name\":\"Author a1\"}", ExecutionResultSerializer.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_RunsRootFieldsOneAfterAnother()
    {
        var result = await RunAsync("mutation { first second }");
        Assert.Equal("{\"data\":{\"first\":\"1\",\"second\":\"2\"}}", ExecutionResultSerializer.Serialize(result));
        Assert.Equal(["first", "second"], _test.MutationLog);
    }

    [Fact]
    public async Task UnexpectedException_IsMaskedWithInternalServerErrorCode()
    {
        var result = await RunAsync("{ boom }");
        var error = Assert.Single(result.Errors);
        Assert.Equal("Unexpected error.", error.Message);
        Assert.Equal(ErrorCodes.InternalServerError, error.Extensions!["code"]);
        Assert.Equal(["boom"], error.Path);
    }

    [Fact]
    public async Task UnexpectedException_IsShownWhenTheHostAllowsIt()
    {
        var result = await RunAsync("{ boom }", new ExecutorOptions { ExposeExceptionMessages = true });
        Assert.Equal("database password is hunter2", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task GraphQLException_CarriesItsCode()
    {
        var error = Assert.Single((await RunAsync("{ coded }")).Errors);
        Assert.Equal("Not yours.", error.Message);
        Assert.Equal("FORBIDDEN", error.Extensions!["code"]);
    }

    [Fact]
    public async Task RequestContextItems_ReachResolvers()
    {
        var context = new RequestContext { Items = { ["user"] = "ada" } };
        Assert.Equal("{\"data\":{\"secret\":\"ada\"}}", ExecutionResultSerializer.Serialize(await RunAsync("{ secret }", context: context)));
    }

    [Fact]
    public async Task AllowedOperations_RefusesOtherKindsWithACode()
    {
        var context = new RequestContext { AllowedOperations = new HashSet<OperationKind> { OperationKind.Query } };
        var result = await RunAsync("mutation { first }", context: context);
        Assert.True(result.IsRequestError);
        Assert.Equal(ErrorCodes.OperationNotAllowed, Assert.Single(result.Errors).Extensions!["code"]);
        Assert.Empty(_test.MutationLog);
    }

    [Fact]
    public async Task MaxDepth_RejectsDeepOperationsBeforeExecution()
    {
        var result = await RunAsync("{ deep { deep { deep { deep { value } } } } }", new ExecutorOptions { MaxDepth = 3 });
        var error = Assert.Single(result.Errors);
        Assert.True(result.IsRequestError);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Extensions!["code"]);
        Assert.StartsWith("The operation is nested 4 fields deep, deeper than the maximum of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxCost_CountsListFieldsTimesTheDefaultListSize()
    {
        var result = await RunAsync("{ books { title author { name } } }", new ExecutorOptions { MaxCost = 20, DefaultListSize = 10 });
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Extensions!["code"]);
        Assert.Equal(31L, error.Extensions["cost"]);
        Assert.Empty((await RunAsync("{ books { title } }", new ExecutorOptions { MaxCost = 20, DefaultListSize = 10 })).Errors);
    }

    [Fact]
    public async Task FragmentBomb_IsStoppedByTheCostLimit()
    {
        var fragments = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"fragment F{i} on Deep {{ a: deep {{ ...F{i + 1} }} b: deep {{ ...F{i + 1} }} }}"));
        var query = "{ deep { ...F0 } }\n" + fragments + "\nfragment F20 on Deep { value }";
        var result = await RunAsync(query, new ExecutorOptions { MaxDepth = 0, MaxCost = 10_000 });
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(result.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task DisabledIntrospection_IsRefused()
    {
        var result = await RunAsync("{ __schema { queryType { name } } }", new ExecutorOptions { EnableIntrospection = false });
        Assert.Equal("INTROSPECTION_DISABLED", Assert.Single(result.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task Cancellation_StopsExecutionWithOperationCanceledException()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync("{ wait }", cancellationToken: source.Token));
    }

    [Fact]
    public async Task DocumentCache_KeepsOneEntryPerDistinctQuery()
    {
        var executor = (RequestExecutor)_test.Schema.CreateExecutor();
        await executor.ExecuteAsync(new GraphQLRequest("{ slow }"));
        await executor.ExecuteAsync(new GraphQLRequest("{ slow }"));
        await executor.ExecuteAsync(new GraphQLRequest("{ secret }"));
        Assert.Equal(2, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task DocumentCache_WhenFull_EvictsTheLeastRecentlyUsedDocument()
    {
        var executor = (RequestExecutor)_test.Schema.CreateExecutor(new ExecutorOptions { DocumentCacheSize = 2 });
        await executor.ExecuteAsync(new GraphQLRequest("{ secret }"));
        await executor.ExecuteAsync(new GraphQLRequest("{ coded }"));
        await executor.ExecuteAsync(new GraphQLRequest("{ secret }"));
        await executor.ExecuteAsync(new GraphQLRequest("{ boom }"));

        Assert.Equal(2, executor.CachedDocumentCount);
        Assert.True(executor.IsCached("{ secret }"));
        Assert.False(executor.IsCached("{ coded }"));
        Assert.True(executor.IsCached("{ boom }"));
    }

    [Fact]
    public async Task DocumentCache_ReusesTheValidationResultOfTheSameText()
    {
        var executor = _test.Schema.CreateExecutor();
        var first = await executor.ExecuteAsync(new GraphQLRequest("{ nope }"));
        var second = await executor.ExecuteAsync(new GraphQLRequest("{ nope }"));
        Assert.Same(first.Errors, second.Errors);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Single(second.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task DocumentCache_IsPerExecutor_SoAnotherSchemaValidatesTheTextAgain()
    {
        var other = LowCode.GraphQL.Types.SchemaBuilder.FromSdl("type Query { nope: Int }").Build().CreateExecutor();
        Assert.Single((await _test.Schema.CreateExecutor().ExecuteAsync(new GraphQLRequest("{ nope }"))).Errors);
        Assert.Equal("{\"data\":{\"nope\":null}}", ExecutionResultSerializer.Serialize(await other.ExecuteAsync(new GraphQLRequest("{ nope }"))));
    }

    [Fact]
    public async Task ValidationErrors_AreRequestErrorsWithTheirCode()
    {
        var result = await RunAsync("{ nope }");
        Assert.True(result.IsRequestError);
        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Single(result.Errors).Extensions!["code"]);
        Assert.Equal("{\"errors\":[{\"message\":\"Cannot query field \\\"nope\\\" on type \\\"Query\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}", ExecutionResultSerializer.Serialize(result));
    }

    [Fact]
    public async Task MissingQuery_IsARequestError()
    {
        var result = await _test.Schema.CreateExecutor().ExecuteAsync(new GraphQLRequest(null));
        Assert.True(result.IsRequestError);
        Assert.Equal("Must provide query string.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Subscription_StreamsOneResultPerEvent()
    {
        var result = await RunAsync("subscription { counter(to: 3) }");
        Assert.NotNull(result.Stream);
        var payloads = new List<string>();
        await foreach (var item in result.Stream!)
        {
            payloads.Add(ExecutionResultSerializer.Serialize(item));
        }

        Assert.Equal(["{\"data\":{\"counter\":1}}", "{\"data\":{\"counter\":2}}", "{\"data\":{\"counter\":3}}"], payloads);
    }

    [Fact]
    public async Task Subscription_ThatCannotStart_ReturnsErrorsAndNoStream()
    {
        var result = await RunAsync("subscription { broken }");
        Assert.Null(result.Stream);
        Assert.Equal("FORBIDDEN", Assert.Single(result.Errors).Extensions!["code"]);
    }

    [Fact]
    public async Task DataLoader_CachesEachKeyForTheRestOfTheRequest()
    {
        var result = await RunAsync("{ a: books { author { name } } b: books { author { id } } }");
        Assert.Empty(result.Errors);
        Assert.Equal(["a1", "a2", "a0"], Assert.Single(_test.Batches));
    }

    [Fact]
    public async Task Query_StartsRootFieldsConcurrently()
    {
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = LowCode.GraphQL.Types.SchemaBuilder.FromSdl("type Query { a: String b: String }")
            .ResolveAsync("Query", "a", async c =>
            {
                aStarted.SetResult();
                await bStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), c.CancellationToken);
                return "a";
            })
            .ResolveAsync("Query", "b", async c =>
            {
                bStarted.SetResult();
                await aStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), c.CancellationToken);
                return "b";
            })
            .Build();

        // Each resolver waits for the other to start: this completes only if both run at the same time.
        var result = await schema.CreateExecutor().ExecuteAsync(new GraphQLRequest("{ a b }"));
        Assert.Equal("{\"data\":{\"a\":\"a\",\"b\":\"b\"}}", ExecutionResultSerializer.Serialize(result));
    }

    [Fact]
    public async Task LongFragmentChain_ExecutesWithoutExhaustingTheStack()
    {
        var text = new System.Text.StringBuilder("{ ...F0 }\n");
        for (var i = 0; i < 1_800; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i + 1} }}\n");
        }

        text.Append("fragment F1800 on Query { slow }");
        var result = await Task.Run(() => RunAsync(text.ToString()));
        Assert.Equal("{\"data\":{\"slow\":\"slow\"}}", ExecutionResultSerializer.Serialize(result));
    }
}
