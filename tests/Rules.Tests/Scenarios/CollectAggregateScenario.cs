using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class CollectAggregateScenario
{
    [Fact]
    public void Fire_WithCollect_BindsTheMatchingFactsAsAList()
    {
        IReadOnlyList<object?>? collected = null;
        var rules = new RuleSetBuilder("collect")
            .Rule("Open tasks", r => r
                .Aggregate("tasks", AggregateKind.Collect, "Task", source: w => w.Where("open", "==", true), result: w => w.Where("count", ">", 0))
                .Do("keep", ctx => collected = (IReadOnlyList<object?>)ctx.Get("tasks")["value"]!))
            .Compile();
        var session = rules.CreateSession();
        var first = TestFacts.Make("Task", ("open", true), ("id", "a"));
        var second = TestFacts.Make("Task", ("open", true), ("id", "b"));
        session.InsertAll([first, TestFacts.Make("Task", ("open", false)), second]);

        session.Fire();

        Assert.NotNull(collected);
        Assert.Equal([first, second], collected!.Cast<Fact>());
    }
}
