using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

public sealed class ValidationProblemTests
{
    [Fact]
    public void ToString_OfAModelProblem_GivesPathAndMessage()
    {
        var problem = new ValidationProblem("$.steps[0].next", "No such step.", "step.unknownTarget");

        Assert.Equal("$.steps[0].next: No such step.", problem.ToString());
    }

    [Fact]
    public void ToString_OfAProblemInTheJsonText_AddsLineAndColumn()
    {
        var problem = new ValidationProblem("$.fields[0].visiblewhen", "Unknown property.", "json.unknownProperty") { Line = 5, Column = 37 };

        Assert.Equal("$.fields[0].visiblewhen (line 5, column 37): Unknown property.", problem.ToString());
    }

    [Fact]
    public void Problems_WithTheSameContent_AreEqual()
    {
        Assert.Equal(new ValidationProblem("$.key", "m", "key.format"), new ValidationProblem("$.key", "m", "key.format"));
        Assert.NotEqual(new ValidationProblem("$.key", "m", "key.format"), new ValidationProblem("$.key", "m", "key.format") { Line = 1 });
    }
}
