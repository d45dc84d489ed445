using LowCode.Api.Hosting;
using LowCode.Api.Tests.GraphQL;
using LowCode.Engine.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCode.Api.Tests.Hosting;

public abstract class RetentionHostedServiceTests(DatabaseProvider provider)
{
    [Fact]
    public async Task RunOnce_ErasesACancelledInstanceOnlyAfterItsProcessRetentionPeriod()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var factory = new ApiFactory(provider, new Dictionary<string, string?> { ["LowCode:Retention:Processes:expense-approval"] = "P30D" });
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient();
        var started = await GraphQLClient.PostAsync(client, "mutation { startProcess(key: \"expense-approval\") { instance { id } } }", null, "emma@example.com", "employee");
        var id = started.GetProperty("data").GetProperty("startProcess").GetProperty("instance").GetProperty("id").GetString();
        await GraphQLClient.PostAsync(client, "mutation($id: ID!) { cancelInstance(id: $id, reason: \"Withdrawn.\") { error { message } } }", new { id }, "ada@example.com", "admin");
        var service = app.Services.GetServices<IHostedService>().OfType<RetentionHostedService>().Single();

        clock.Now = clock.Now.AddDays(29);
        var early = await service.RunOnceAsync(CancellationToken.None);
        clock.Now = clock.Now.AddDays(2);
        var due = await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (early, due));
        var read = await GraphQLClient.PostAsync(client, "query($id: ID!) { instance(id: $id) { status timeline { type actor } } }", new { id });
        var instance = read.GetProperty("data").GetProperty("instance");
        Assert.Equal("cancelled", instance.GetProperty("status").GetString());
        Assert.Contains(instance.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "instanceErased" && e.GetProperty("actor").GetString() == "system:retention");
    }

    [Fact]
    public void Configuration_WithAMalformedPeriod_StopsWithWhatToWrite()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LowCode:Retention:Processes:expense-approval"] = "30 days",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => RetentionConfiguration.Read(configuration));

        Assert.Contains("LowCode:Retention:Processes:expense-approval", error.Message, StringComparison.Ordinal);
        Assert.Contains("P365D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_ReadsEachProcessPeriodAndTheInterval()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LowCode:Retention:Processes:customer-onboarding"] = "P365D",
            ["LowCode:Retention:Interval"] = "PT15M",
        }).Build();

        var options = RetentionConfiguration.Read(configuration);

        Assert.Equal(TimeSpan.FromDays(365), options.Periods["customer-onboarding"]);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Interval);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class RetentionHostedServiceTestsOnSqlite() : RetentionHostedServiceTests(DatabaseProvider.Sqlite);

public sealed class RetentionHostedServiceTestsOnPostgreSQL() : RetentionHostedServiceTests(DatabaseProvider.PostgreSQL);
