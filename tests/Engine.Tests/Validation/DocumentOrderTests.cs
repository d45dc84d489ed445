using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

public sealed class DocumentOrderTests
{
    [Theory]
    [InlineData("$.steps[2]", "$.steps[10]")]
    [InlineData("$.steps[9].next", "$.steps[10].next")]
    [InlineData("$.rules[1].then[9]", "$.rules[1].then[10]")]
    [InlineData("$.rules[2].then[10]", "$.rules[10].then[0]")]
    [InlineData("$.steps[2]", "$.steps[2].next")]
    [InlineData("$.fields[0].max", "$.fields[0].min")]
    public void Compare_PutsTheFirstPathBeforeTheSecond(string first, string second)
    {
        Assert.True(DocumentOrder.Instance.Compare(first, second) < 0, $"{first} should sort before {second}");
        Assert.True(DocumentOrder.Instance.Compare(second, first) > 0, $"{second} should sort after {first}");
    }

    [Theory]
    [InlineData("$.steps[10].next")]
    [InlineData("$")]
    [InlineData("")]
    public void Compare_OfAPathWithItself_IsZero(string path)
    {
        Assert.Equal(0, DocumentOrder.Instance.Compare(path, path));
    }

    [Fact]
    public void Compare_PutsNullFirst()
    {
        Assert.True(DocumentOrder.Instance.Compare(null, "$") < 0);
        Assert.True(DocumentOrder.Instance.Compare("$", null) > 0);
        Assert.Equal(0, DocumentOrder.Instance.Compare(null, null));
    }

    [Fact]
    public void Sorting_KeepsIndexesInNumericOrder()
    {
        string[] paths = ["$.steps[10]", "$.steps[1]", "$.steps[2].sla", "$.steps[2]", "$.sla", "$.steps[0]"];

        Assert.Equal(["$.sla", "$.steps[0]", "$.steps[1]", "$.steps[2]", "$.steps[2].sla", "$.steps[10]"], paths.Order(DocumentOrder.Instance));
    }
}
