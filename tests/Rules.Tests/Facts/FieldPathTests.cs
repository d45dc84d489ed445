using LowCode.Rules.Facts;

namespace LowCode.Rules.Tests.Facts;

public sealed class FieldPathTests
{
    private static readonly Fact Order = Fact.Parse("Order", """
        {"id": 7, "customer": {"address": {"country": "FR"}}, "lines": [{"amount": 10.5}, {"amount": 20}], "tags": ["a", "b"], "note": "hello"}
        """);

    [Theory]
    [InlineData("id", 7L)]
    [InlineData("customer.address.country", "FR")]
    [InlineData("lines.0.amount", 10.5)]
    [InlineData("lines.1.amount", 20L)]
    [InlineData("lines.length", 2L)]
    [InlineData("note.length", 5L)]
    public void Resolve_WithNestedMapsAndLists_ReturnsTheValue(string path, object expected) =>
        Assert.Equal(FactValue.Normalize(expected), FieldPath.Parse(path).Resolve(Order));

    [Theory]
    [InlineData("missing")]
    [InlineData("customer.phone")]
    [InlineData("lines.5.amount")]
    [InlineData("id.deeper")]
    public void TryResolve_WithMissingSegment_ReturnsFalseAndNull(string path)
    {
        var found = FieldPath.Parse(path).TryResolve(Order, out var value);

        Assert.False(found);
        Assert.Null(value);
    }

    [Fact]
    public void Resolve_WithEmptyPath_ReturnsTheFactItself() => Assert.Same(Order, FieldPath.Empty.Resolve(Order));

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a. b")]
    public void TryParse_WithEmptyOrPaddedSegment_ExplainsTheProblem(string path)
    {
        var ok = FieldPath.TryParse(path, out _, out var error);

        Assert.False(ok);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("segment", error, StringComparison.Ordinal);
    }
}
