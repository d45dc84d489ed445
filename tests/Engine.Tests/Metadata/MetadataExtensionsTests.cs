using System.Collections.Immutable;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Metadata;

public sealed class MetadataExtensionsTests
{
    [Fact]
    public void ParsedType_OfAField_IsItsKindOrNullForAnUnknownName()
    {
        Assert.Equal(FieldType.Select, new FieldDefinition { Key = "a", Type = "select" }.ParsedType());
        Assert.Null(new FieldDefinition { Key = "a", Type = "dropdown" }.ParsedType());
    }

    [Fact]
    public void ParsedType_OfAStep_IsItsKindOrNullForAnUnknownName()
    {
        Assert.Equal(StepType.ParallelJoin, new StepDefinition { Key = "a", Type = "parallelJoin" }.ParsedType());
        Assert.Null(new StepDefinition { Key = "a", Type = "join" }.ParsedType());
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
    public void Targets_OfAnEndStep_IsEmpty()
    {
        Assert.Empty(new StepDefinition { Key = "done", Type = "end" }.Targets());
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
