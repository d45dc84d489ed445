using LowCode.Rules.Facts;

namespace LowCode.Rules.Tests.Facts;

public sealed class ValueSemanticsTests
{
    public static TheoryData<object?, object?, bool> EqualityCases => new()
    {
        { 1L, 1.0, true },
        { 1L, 1m, true },
        { 0.1, 0.1m, true },
        { "1", 1L, false },
        { null, null, true },
        { null, 0L, false },
        { true, true, true },
        { new List<object?> { 1L, "a" }, new List<object?> { 1.0, "a" }, true },
        { "A", "a", false },
    };

    [Theory]
    [MemberData(nameof(EqualityCases))]
    public void AreEqual_ComparesByKindAndValue(object? left, object? right, bool expected) =>
        Assert.Equal(expected, ValueSemantics.AreEqual(left, right));

    [Theory]
    [MemberData(nameof(EqualityCases))]
    public void IndexKey_IsConsistentWithAreEqual(object? left, object? right, bool equal)
    {
        if (equal)
        {
            Assert.Equal(ValueSemantics.IndexKey(left), ValueSemantics.IndexKey(right));
        }
        else
        {
            Assert.NotEqual(ValueSemantics.IndexKey(left), ValueSemantics.IndexKey(right));
        }
    }

    [Fact]
    public void TryCompare_WithNumberAndString_IsNotComparable() =>
        Assert.False(ValueSemantics.TryCompare(1L, "1", out _));

    [Fact]
    public void TryCompare_WithLongAndDouble_ComparesByValue()
    {
        Assert.True(ValueSemantics.TryCompare(2L, 1.5, out var order));
        Assert.True(order > 0);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("x", false)]
    [InlineData(0L, false)]
    public void IsEmpty_TreatsNullAndBlankAsEmpty(object? value, bool expected) =>
        Assert.Equal(expected, ValueSemantics.IsEmpty(value));

    [Fact]
    public void IsEmpty_WithEmptyListAndMap_IsTrue()
    {
        Assert.True(ValueSemantics.IsEmpty(new List<object?>()));
        Assert.True(ValueSemantics.IsEmpty(new Dictionary<string, object?>()));
    }
}
