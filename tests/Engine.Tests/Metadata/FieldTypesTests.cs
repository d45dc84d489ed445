using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Metadata;

public sealed class FieldTypesTests
{
    [Fact]
    public void Names_CoverEveryFieldTypeOnceInDeclarationOrder()
    {
        Assert.Equal(Enum.GetValues<FieldType>().Select(FieldTypes.NameOf), FieldTypes.Names);
        Assert.Equal(FieldTypes.Names.Count, FieldTypes.Names.Distinct().Count());
    }

    [Theory]
    [InlineData("text", FieldType.Text)]
    [InlineData("datetime", FieldType.DateTime)]
    [InlineData("repeating", FieldType.Repeating)]
    public void TryParse_ReadsTheNamesAuthorsWrite(string name, FieldType expected)
    {
        Assert.True(FieldTypes.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("dateTime")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_IsCaseSensitiveAndRejectsUnknownNames(string? name)
    {
        Assert.False(FieldTypes.TryParse(name, out _));
    }
}
