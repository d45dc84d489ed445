using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LowCode.Api.Identity;
using LowCode.Api.Tests.GraphQL;
using LowCode.Engine.Changes;
using LowCode.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LowCode.Api.Tests.Identity;

/// <summary>API keys and JWTs at the GraphQL endpoint. Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class IdentityTests(DatabaseProvider provider)
{
    private static readonly string[] Finance = ["finance"];

    private const string SigningKey = "a-test-signing-key-of-at-least-32-bytes!";
    private const string WhoAmI = "mutation { saveDraft(kind: FORM, key: \"whoami\", definition: { key: \"whoami\", name: \"Who\", fields: [{ key: \"a\", type: \"text\" }] }) { definition { createdBy updatedBy } error { message } } }";

    [Fact]
    public async Task ARequestWithoutAKey_IsUnauthenticated_IntrospectionIncluded()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __schema { types { name } } }" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Authorization: Bearer", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Viewer_NamesTheCallersIdGroupsAndPermissions_AdminExpandedToAll()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        const string Query = "{ viewer { id groups permissions } }";

        var user = await GraphQLClient.PostAsync(client, Query, new Caller("ann@example.com", ["finance", "managers"], "user,analyst"));
        var admin = await GraphQLClient.PostAsync(client, Query, Caller.Admin("root@example.com"));

        var viewer = user.GetProperty("data").GetProperty("viewer");
        Assert.Equal("ann@example.com", viewer.GetProperty("id").GetString());
        Assert.Equal(["finance", "managers"], viewer.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["ANALYST", "USER"], viewer.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["ADMIN", "DESIGNER", "ANALYST", "USER"], admin.GetProperty("data").GetProperty("viewer").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task TheOldUserHeader_AloneIsUnauthenticated()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = WhoAmI }) };
        request.Headers.Add("X-LowCode-User", "admin@example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedKey_StopsWorking_AndCreatingAndRevokingAreAudited()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var keys = factory.Services.GetRequiredService<ApiKeyStore>();
        var created = await keys.CreateAsync("to revoke", new ApiPrincipal("ada@example.com", [], Permissions.Designer), "admin@example.com");

        var before = await PostWithKeyAsync(client, created.Token!, WhoAmI);
        var revoked = await keys.RevokeAsync(created.Key!.Id, "admin@example.com");
        var after = await PostWithKeyAsync(client, created.Token!, WhoAmI);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("ada@example.com", before.Body.GetProperty("data").GetProperty("saveDraft").GetProperty("definition").GetProperty("createdBy").GetString());
        Assert.Null(revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("revoked", after.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<LowCodeDbContext>>().CreateDbContextAsync();
        var audit = await db.Events.Where(e => e.Type == ApiKeyStore.CreatedEvent || e.Type == ApiKeyStore.RevokedEvent).Where(e => e.Payload.Contains(created.Key.Id)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(ApiKeyStore.CreatedEvent, "admin@example.com"), (ApiKeyStore.RevokedEvent, "admin@example.com")], audit.Select(e => (e.Type, e.Actor)));
        var row = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id);
        Assert.Equal(ApiKeyToken.Hash(created.Token!), row.SecretHash);
        Assert.DoesNotContain(created.Token!, JsonSerializer.Serialize(row), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyRevokedOnANodeWhoseRevocationDoesNotArrive_StopsWorkingHereOnceTheCacheTimeHasPassed_AndAtOnceOnTheRevokingNode()
    {
        using var factory = new ApiFactory(provider);
        _ = factory.Services;
        var clock = new FakeTimeProvider();
        var contexts = new LowCodeDbContextFactory(factory.Database, null);
        var here = new ApiKeyStore(contexts, clock, NullLogger<ApiKeyStore>.Instance, TimeSpan.FromSeconds(10));
        var there = new ApiKeyStore(contexts, clock, NullLogger<ApiKeyStore>.Instance, TimeSpan.FromSeconds(10));
        var created = await there.CreateAsync("two nodes", new ApiPrincipal("ada@example.com", [], Permissions.Designer), "admin@example.com");
        var token = created.Token!;
        Assert.NotNull(await here.AuthenticateAsync(token));
        Assert.NotNull(await there.AuthenticateAsync(token));

        await there.RevokeAsync(created.Key!.Id, "admin@example.com");
        var onTheRevokingNode = await there.AuthenticateAsync(token);
        var mistypedWhileCached = await here.AuthenticateAsync(token[..^2] + (token[^2..] == "AA" ? "BB" : "AA"));
        clock.Advance(TimeSpan.FromSeconds(9));
        var withinTheCacheTime = await here.AuthenticateAsync(token);
        clock.Advance(TimeSpan.FromSeconds(1));
        var onceItHasPassed = await here.AuthenticateAsync(token);

        Assert.Null(onTheRevokingNode);
        Assert.Null(mistypedWhileCached);
        Assert.Equal("ada@example.com", withinTheCacheTime?.Id);
        Assert.Null(onceItHasPassed);
    }

    [Fact]
    public async Task WithTheKeyCacheOff_AKeyRevokedOnAnotherNode_StopsWorkingAtOnce()
    {
        using var factory = new ApiFactory(provider);
        _ = factory.Services;
        var contexts = new LowCodeDbContextFactory(factory.Database, null);
        var here = new ApiKeyStore(contexts, TimeProvider.System, NullLogger<ApiKeyStore>.Instance, TimeSpan.Zero);
        var there = new ApiKeyStore(contexts, TimeProvider.System, NullLogger<ApiKeyStore>.Instance, TimeSpan.Zero);
        var created = await there.CreateAsync("uncached", new ApiPrincipal("ada@example.com", [], Permissions.Designer), "admin@example.com");
        Assert.NotNull(await here.AuthenticateAsync(created.Token!));

        await there.RevokeAsync(created.Key!.Id, "admin@example.com");

        Assert.Null(await here.AuthenticateAsync(created.Token!));
    }

    [Fact]
    public async Task AMistypedKey_IsUnauthenticated()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();
        var key = await factory.KeyForAsync(Caller.Designer("ada@example.com"));

        var wrong = await PostWithKeyAsync(client, key[..^2] + (key[^2..] == "AA" ? "BB" : "AA"), WhoAmI);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
    }

    [Fact]
    public async Task PublishingARuleSet_AsADesigner_IsForbidden()
    {
        using var factory = new ApiFactory(provider);
        using var client = factory.CreateClient();

        var result = await GraphQLClient.PostAsync(client, "mutation { publishRuleSet(key: \"expense-routing\", dryRunId: \"any\") { error { message } } }", Caller.Designer("ada@example.com"));

        Assert.Equal("FORBIDDEN", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AJwtSignedWithTheConfiguredKey_IsThePrincipalOfItsConfiguredClaims()
    {
        using var factory = new ApiFactory(provider, Jwt());
        using var client = factory.CreateClient();

        var token = Token(new Dictionary<string, object> { ["upn"] = "jo@example.com", ["roles"] = Finance, ["scp"] = "designer analyst" }, "lowcode-api");
        var wrongAudience = Token(new Dictionary<string, object> { ["upn"] = "jo@example.com", ["scp"] = "designer" }, "another-api");
        var noPermission = Token(new Dictionary<string, object> { ["upn"] = "jo@example.com", ["scp"] = "user" }, "lowcode-api");

        var accepted = await PostWithKeyAsync(client, token, WhoAmI);
        var refused = await PostWithKeyAsync(client, wrongAudience, WhoAmI);
        var forbidden = await PostWithKeyAsync(client, noPermission, WhoAmI);
        var keyStillWorks = await PostWithKeyAsync(client, await factory.KeyForAsync(Caller.Designer("ada@example.com")), WhoAmI);

        Assert.Equal("jo@example.com", accepted.Body.GetProperty("data").GetProperty("saveDraft").GetProperty("definition").GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("FORBIDDEN", forbidden.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, keyStillWorks.Status);
    }

    [Fact]
    public async Task AWebSocketWithoutAKey_IsClosedAsForbidden()
    {
        using var factory = new ApiFactory(provider);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.SubProtocols.Add("graphql-transport-ws");
        using var socket = await sockets.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), cts.Token);

        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"connection_init\"}"), WebSocketMessageType.Text, true, cts.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, cts.Token);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(4403, (int)socket.CloseStatus!.Value);
    }

    [Fact]
    public async Task TheDevelopmentStart_CreatesOneKeyPerPermission()
    {
        using var factory = new ApiFactory(provider);
        _ = factory.Services;

        var keys = await factory.Services.GetRequiredService<ApiKeyStore>().ListAsync();

        var development = keys.Where(k => k.CreatedBy == IdentityStartup.DevelopmentCreator).Select(k => (k.PrincipalId, k.Permissions)).ToList();
        Assert.Equal([("admin@localhost", "admin"), ("designer@localhost", "designer"), ("analyst@localhost", "analyst"), ("user@localhost", "user")], development);
    }

    private static Dictionary<string, string?> Jwt() => new()
    {
        ["LowCode:Identity:Jwt:Issuer"] = "https://login.example.com",
        ["LowCode:Identity:Jwt:Audience"] = "lowcode-api",
        ["LowCode:Identity:Jwt:SigningKey"] = SigningKey,
        ["LowCode:Identity:Jwt:IdClaim"] = "upn",
        ["LowCode:Identity:Jwt:GroupsClaim"] = "roles",
        ["LowCode:Identity:Jwt:PermissionsClaim"] = "scp",
    };

    private static string Token(Dictionary<string, object> claims, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://login.example.com",
        Audience = audience,
        Claims = claims,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostWithKeyAsync(HttpClient client, string token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}

public sealed class IdentityTestsOnSqlite() : IdentityTests(DatabaseProvider.Sqlite);

public sealed class IdentityTestsOnPostgreSQL() : IdentityTests(DatabaseProvider.PostgreSQL)
{
    [Fact]
    public async Task AKeyRevokedOnAnotherNode_IsForgottenHereAtOnce_ThoughItsCacheTimeHasNotPassed()
    {
        using var factory = new ApiFactory(DatabaseProvider.PostgreSQL);
        _ = factory.Services;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var clock = new FakeTimeProvider();
        await using var here = await KeyNode.StartAsync(factory.Database, clock, cts.Token);
        await using var there = await KeyNode.StartAsync(factory.Database, clock, cts.Token);
        var created = await there.Keys.CreateAsync("two nodes", new ApiPrincipal("ada@example.com", [], Permissions.Designer), "admin@example.com");
        Assert.NotNull(await here.Keys.AuthenticateAsync(created.Token!));

        await there.Keys.RevokeAsync(created.Key!.Id, "admin@example.com");

        Assert.Equal(created.Key.Id, await here.Handled.Task.WaitAsync(cts.Token));
        Assert.Null(await here.Keys.AuthenticateAsync(created.Token!));
    }

    /// <summary>One Api node's key store, with its own runtime change channel over the shared database.</summary>
    private sealed class KeyNode : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private Task _following = Task.CompletedTask;

        private KeyNode(DatabaseOptions database, TimeProvider clock)
        {
            Changes = new PostgresRuntimeChangeNotifier(database, clock);
            var contexts = new LowCodeDbContextFactory(database with { Interceptors = [new RuntimeChangeInterceptor(Changes, clock)] });
            Keys = new ApiKeyStore(contexts, clock, NullLogger<ApiKeyStore>.Instance, TimeSpan.FromSeconds(10));
        }

        public PostgresRuntimeChangeNotifier Changes { get; }

        public ApiKeyStore Keys { get; }

        /// <summary>The id of the first revocation the store has finished handling.</summary>
        public TaskCompletionSource<string> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<KeyNode> StartAsync(DatabaseOptions database, TimeProvider clock, CancellationToken cancellationToken)
        {
            var node = new KeyNode(database, clock);
            await node.Changes.StartAsync(cancellationToken);
            node._following = node.Keys.FollowRevocationsAsync(new HandledSignal(node.Changes, node.Handled), node._stopping.Token);
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            await _following;
            await Changes.DisposeAsync();
            _stopping.Dispose();
        }
    }

    /// <summary>
    /// Passes changes through to the store and signals once the store asks for the next one after a revocation: by
    /// then its handling of that revocation has run, so the test waits on that instead of on time.
    /// </summary>
    private sealed class HandledSignal(IRuntimeChangeNotifier inner, TaskCompletionSource<string> handled) : IRuntimeChangeNotifier
    {
        public void Publish(IReadOnlyList<RuntimeChange> changes) => inner.Publish(changes);

        public async IAsyncEnumerable<RuntimeChange> Subscribe(Func<RuntimeChange, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var change in inner.Subscribe(filter, cancellationToken))
            {
                yield return change;
                handled.TrySetResult(change.Id);
            }
        }
    }
}
