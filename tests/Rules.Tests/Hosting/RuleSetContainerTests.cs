using LowCode.Rules.Builders;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Hosting;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Hosting;

public sealed class RuleSetContainerTests
{
    private static RuleSetDefinition Version(long version, string step) => new RuleSetBuilder("routing", version)
        .Rule("Route", r => r.Match("o", "Order").Emit("goTo", ("step", step)))
        .Build();

    [Fact]
    public async Task PublishAsync_WithNewerVersion_NewSessionsUseItWhileInFlightSessionsKeepTheirs()
    {
        var container = new RuleSetContainer(RuleSetCompiler.Compile(Version(1, "clerk")));
        var inFlight = container.CreateSession();
        inFlight.Insert(TestFacts.Make("Order"));

        var swapped = await container.PublishAsync(Version(2, "finance"));
        var fresh = container.CreateSession();
        fresh.Insert(TestFacts.Make("Order"));
        inFlight.Fire();
        fresh.Fire();

        Assert.True(swapped);
        Assert.Equal(2, container.Current.Version);
        Assert.Equal(1, inFlight.RuleSet.Version);
        Assert.Equal("clerk", inFlight.Outputs[0].Arguments["step"]);
        Assert.Equal("finance", fresh.Outputs[0].Arguments["step"]);
    }

    [Fact]
    public async Task PublishAsync_WithOlderVersion_IsIgnored()
    {
        var container = new RuleSetContainer(RuleSetCompiler.Compile(Version(5, "clerk")));

        var swapped = await container.PublishAsync(Version(3, "finance"));

        Assert.False(swapped);
        Assert.Equal(5, container.Current.Version);
    }

    [Fact]
    public async Task PublishAsync_WithInvalidRules_ThrowsAndKeepsTheLiveVersion()
    {
        var container = new RuleSetContainer(RuleSetCompiler.Compile(Version(1, "clerk")));
        var broken = new RuleSetBuilder("routing", 2).Rule("Bad", r => r.Match("o", "Order", w => w.Where("x", "==", Operand.Ref("nobody.id")))).Build();

        await Assert.ThrowsAsync<RuleCompilationException>(() => container.PublishAsync(broken));

        Assert.Equal(1, container.Current.Version);
    }

    [Fact]
    public async Task Sessions_RunningOnManyThreadsDuringSwaps_AllFinishOnTheVersionTheyStartedWith()
    {
        var container = new RuleSetContainer(RuleSetCompiler.Compile(Version(1, "v1")));
        var mismatches = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                var session = container.CreateSession();
                session.Insert(TestFacts.Make("Order"));
                session.Fire();
                if ((string)session.Outputs[0].Arguments["step"]! != $"v{session.RuleSet.Version}")
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        })).ToList();

        for (var version = 2; version <= 20; version++)
        {
            await container.PublishAsync(Version(version, $"v{version}"));
        }

        await Task.WhenAll(workers);

        Assert.Equal(0, mismatches);
        Assert.Equal(20, container.Current.Version);
    }
}
