using System.Text.Json;
using LowCode.GraphQL.AspNetCore.Serialization;

namespace LowCode.GraphQL.Tests.AspNetCore.Serialization;

public sealed class JsonToClrTests
{
    [Fact]
    public void Convert_MapsEveryJsonKindToThePlainValueTheExecutorExpects()
    {
        using var document = JsonDocument.Parse("""{"s":"x","i":1,"l":3000000000,"d":2.5,"e":1e400,"t":true,"f":false,"n":null,"a":[1,[2]],"o":{"k":"v"}}""");

        var map = JsonToClr.ConvertObject(document.RootElement);

        Assert.Equal("x", map["s"]);
        Assert.Equal(1, map["i"]);
        Assert.Equal(3000000000L, map["l"]);
        Assert.Equal(2.5, map["d"]);
        Assert.Equal(double.PositiveInfinity, map["e"]);
        Assert.Equal(true, map["t"]);
        Assert.Equal(false, map["f"]);
        Assert.Null(map["n"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["a"]);
        Assert.Equal(1, list[0]);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<object?>>(list[1])[0]);
        Assert.Equal("v", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map["o"])["k"]);
    }

    [Fact]
    public void ConvertObject_WithADuplicateKey_KeepsTheLastValueAsJsonParseDoes()
    {
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");

        Assert.Equal(2, JsonToClr.ConvertObject(document.RootElement)["a"]);
    }

    [Fact]
    public void ConvertObject_KeepsTheOrderOfKeys()
    {
        using var document = JsonDocument.Parse("""{"z":1,"a":2,"m":3}""");

        Assert.Equal(["z", "a", "m"], JsonToClr.ConvertObject(document.RootElement).Keys);
    }
}
