using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Tests.Expressions;

public sealed class ExpressionScopeTests
{
    [Theory]
    [InlineData("amount", true)]
    [InlineData("_x$1", true)]
    [InlineData("1st", false)]
    [InlineData("first-name", false)]
    [InlineData("var", false)]
    [InlineData("__lcAdd", false)]
    [InlineData("", false)]
    public void IsValidName_AcceptsOnlyIdentifiersThatAreNotReserved(string name, bool valid)
    {
        Assert.Equal(valid, ExpressionScope.IsValidName(name));
    }

    [Fact]
    public void Set_WithInvalidName_ThrowsForTheCallingCode()
    {
        var scope = new ExpressionScope(DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<ArgumentException>(() => scope.Set("first-name", "Ada"));
        Assert.Contains("'first-name' cannot be an expression variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_SkipsKeysThatCannotBeVariables()
    {
        var scope = ExpressionScope.FromJson(JsonNode.Parse("""{"ok":1,"not ok":2,"class":3}""")!.AsObject(), DateTimeOffset.UnixEpoch);

        Assert.Equal(["ok"], scope.Names);
    }
}
