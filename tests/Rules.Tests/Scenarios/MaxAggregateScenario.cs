using LowCode.Rules.Builders;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Tests.Support;

namespace LowCode.Rules.Tests.Scenarios;

public sealed class MaxAggregateScenario
{
    [Fact]
    public void Fire_WithMaxAndResultCondition_FiresOnlyWhenTheMaximumQualifies()
    {
        var rules = new RuleSetBuilder("max")
            .Rule("Risky", r => r
                .Aggregate("m", AggregateKind.Max, "Score", path: "value", result: w => w.Where("value", ">", 80))
                .Emit("risk", ("max", Operand.Ref("m.value"))))
            .Compile();
        var session = rules.CreateSession();
        session.InsertAll([TestFacts.Make("Score", ("value", 50)), TestFacts.Make("Score", ("value", 70))]);
        Assert.Equal(0, session.Fire());

        session.Insert(TestFacts.Make("Score", ("value", 90)));
        session.Fire();

        Assert.Equal(90L, Assert.Single(session.Outputs).Arguments["max"]);
    }
}
