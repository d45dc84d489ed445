using System.Text.Json;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Tests.Utilities;

public sealed class JsonValuesTests
{
    [Fact]
    public void ToClr_GivesPlainValues()
    {
        using var json = JsonDocument.Parse("{\"i\":1,\"l\":3000000000,\"d\":1.5,\"s\":\"x\",\"b\":true,\"n\":null,\"a\":[1,{\"k\":2}]}");
        var map = Assert.IsType<Dictionary<string, object?>>(JsonValues.ToClr(json.RootElement));
        Assert.Equal(1, map["i"]);
        Assert.Equal(3000000000L, map["l"]);
        Assert.Equal(1.5, map["d"]);
        Assert.Equal("x", map["s"]);
        Assert.Equal(true, map["b"]);
        Assert.Null(map["n"]);
        var list = Assert.IsType<List<object?>>(map["a"]);
        Assert.Equal(2, Assert.IsType<Dictionary<string, object?>>(list[1])["k"]);
        Assert.Equal(["i", "l", "d", "s", "b", "n", "a"], map.Keys);
    }

    [Fact]
    public void ToMap_RejectsNonObjects()
    {
        using var json = JsonDocument.Parse("[1]");
        Assert.Throws<ArgumentException>(() => JsonValues.ToMap(json.RootElement));
    }

    [Fact]
    public void ToClr_NumberBeyondDoubleRange_OverflowsToInfinityLikeJsonParse()
    {
        using var json = JsonDocument.Parse("[1e400, -1e400]");

        var list = Assert.IsType<List<object?>>(JsonValues.ToClr(json.RootElement));

        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], list);
    }

    [Fact]
    public void Suggestions_ListCloseNamesFirst() =>
        Assert.Equal(["name", "names"], Suggestions.List("nam", ["id", "names", "name", "title"]));
}
