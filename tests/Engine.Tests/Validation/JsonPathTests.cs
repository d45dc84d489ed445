using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

public sealed class JsonPathTests
{
    [Fact]
    public void PlainNamesAndIndexes_UseDotAndBracketNotation()
    {
        Assert.Equal("$.steps[2].transitions.approved", JsonPath.Root.Property("steps").Index(2).Property("transitions").Property("approved"));
    }

    [Theory]
    [InlineData("more-info", "$['more-info']")]
    [InlineData("2nd", "$['2nd']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("", "$['']")]
    public void NamesThatAreNotIdentifiers_AreQuoted(string name, string expected)
    {
        Assert.Equal(expected, JsonPath.Root.Property(name));
    }
}
