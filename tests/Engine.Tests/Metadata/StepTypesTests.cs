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
}
