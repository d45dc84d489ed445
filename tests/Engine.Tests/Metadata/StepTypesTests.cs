using System.Collections.Immutable;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Metadata;

public sealed class StepTypesTests
{
    [Fact]
    public void Names_CoverEveryStepTypeOnce()
    {
        Assert.Equal(Enum.GetValues<StepType>().Length, StepTypes.Names.Count);
        Assert.All(StepTypes.Names, n => Assert.True(StepTypes.TryParse(n, out _)));
    }

    [Theory]
    [InlineData(StepType.FormTask, true)]
    [InlineData(StepType.Approval, true)]
    [InlineData(StepType.Script, false)]
    [InlineData(StepType.Webhook, false)]
    public void IsHuman_HoldsForStepsPeopleWorkOn(StepType type, bool expected)
    {
        Assert.Equal(expected, StepTypes.IsHuman(type));
    }

    [Fact]
    public void Targets_ListNextTransitionsAndBranches()
    {
        var step = new StepDefinition
        {
            Key = "a",
            Type = "approval",
            Next = "n",
            Transitions = new Dictionary<string, string> { ["rejected"] = "r" }.ToImmutableDictionary(),
            Branches = ["b1", "b2"],
        };

        Assert.Equal(["n", "r", "b1", "b2"], step.Targets());
    }

    [Fact]
    public void StartStep_IsTheFirstStepUnlessStartNamesAnother()
    {
        StepDefinition[] steps = [new() { Key = "first", Type = "formTask" }, new() { Key = "second", Type = "end" }];

        Assert.Equal("first", new ProcessDefinition { Key = "p1", Name = "P", Steps = [.. steps] }.StartStep());
        Assert.Equal("second", new ProcessDefinition { Key = "p1", Name = "P", Start = "second", Steps = [.. steps] }.StartStep());
        Assert.Null(new ProcessDefinition { Key = "p1", Name = "P" }.StartStep());
    }
}
