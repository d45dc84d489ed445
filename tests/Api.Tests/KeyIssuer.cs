using System.Collections.Concurrent;
using LowCode.Api.Identity;
using LowCode.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCode.Api.Tests;

/// <summary>Issues (and remembers) one API key per caller in one Api's database.</summary>
internal sealed class KeyIssuer(Func<ApiKeyStore> store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _keys = new(StringComparer.Ordinal);

    public static KeyIssuer For(IServiceProvider services) => new(services.GetRequiredService<ApiKeyStore>);

    public static KeyIssuer For(DatabaseOptions database) => new(() => new ApiKeyStore(
        new LowCodeDbContextFactory(database, null), TimeProvider.System, NullLogger<ApiKeyStore>.Instance));

    public Task<string> KeyForAsync(Caller caller) => _keys.GetOrAdd(caller.CacheKey, _ => new Lazy<Task<string>>(async () =>
    {
        var created = await store().CreateAsync($"test {caller.Permissions}", caller.ToPrincipal(), "tests");
        return created.Token ?? throw new InvalidOperationException($"The Api refused a key for {caller}: {created.Error}");
    })).Value;
}
