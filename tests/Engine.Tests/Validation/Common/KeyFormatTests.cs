using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class KeyFormatTests
{
    [Theory]
    [InlineData("expense-claim", true)]
    [InlineData("a1", true)]
    [InlineData("a", false)]
    [InlineData("Expense", false)]
    [InlineData("-expense", false)]
    [InlineData(null, false)]
    public void IsDefinitionKey_AcceptsLowerCaseSlugsOnly(string? key, bool expected)
    {
        Assert.Equal(expected, KeyFormat.IsDefinitionKey(key));
    }

    [Theory]
    [InlineData("startDate", true)]
    [InlineData("line_2", true)]
    [InlineData("x", true)]
    [InlineData("start-date", false)]
    [InlineData("2nd", false)]
    [InlineData(null, false)]
    public void IsIdentifier_AcceptsNamesExpressionsCanUse(string? key, bool expected)
    {
        Assert.Equal(expected, KeyFormat.IsIdentifier(key));
    }

    [Theory]
    [InlineData("aproval", "approval")]
    [InlineData("END", "end")]
    [InlineData("parallelsplit", "parallelSplit")]
    public void Suggest_FindsTheClosestCandidateIgnoringCase(string text, string expected)
    {
        Assert.Equal(expected, KeyFormat.Suggest(text, ["approval", "end", "parallelSplit", "parallelJoin"]));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("")]
    [InlineData(null)]
    public void Suggest_GivesNothingWhenNoCandidateIsClose(string? text)
    {
        Assert.Null(KeyFormat.Suggest(text, ["approval", "end"]));
    }

    [Fact]
    public void DidYouMean_IsEmptyWithoutASuggestion()
    {
        Assert.Equal(string.Empty, KeyFormat.DidYouMean("zzzzzzzz", ["approval"]));
        Assert.Equal(" Did you mean 'approval'?", KeyFormat.DidYouMean("aproval", ["approval"]));
    }
}
