using System.Text.Json;
using LowCode.Rules.Facts;

namespace LowCode.Rules.Tests.Facts;

public sealed class FactTests
{
    [Fact]
    public void FromJson_WithMixedValues_NormalisesNumbersListsAndMaps()
    {
        using var json = JsonDocument.Parse("""{"n": 3, "x": 1.5, "ok": true, "none": null, "list": [1, "a"], "map": {"k": "v"}}""");

        var fact = Fact.FromJson("T", json.RootElement, "t1");

        Assert.Equal("T", fact.Type);
        Assert.Equal("t1", fact.Id);
        Assert.Equal(3L, fact["n"]);
        Assert.Equal(1.5, fact["x"]);
        Assert.Equal(true, fact["ok"]);
        Assert.Null(fact["none"]);
        Assert.Equal(new List<object?> { 1L, "a" }, fact["list"]);
        Assert.Equal("v", ((IReadOnlyDictionary<string, object?>)fact["map"]!)["k"]);
    }

    [Fact]
    public void FromJson_WithNonObject_ThrowsNamingTheKind()
    {
        using var json = JsonDocument.Parse("[1]");

        var error = Assert.Throws<ArgumentException>(() => Fact.FromJson("T", json.RootElement));

        Assert.Contains("Array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WithClrValues_NormalisesThem()
    {
        var fact = new Fact("T", [new("i", 5), new("f", 1.5f), new("arr", new List<int> { 1, 2 })]);

        Assert.Equal(5L, fact["i"]);
        Assert.Equal(1.5, fact["f"]);
        Assert.Equal(new List<object?> { 1L, 2L }, fact["arr"]);
    }

    [Fact]
    public void SetPath_WithNestedPath_CreatesMapsAndBumpsVersion()
    {
        var fact = new Fact("T");

        fact.SetPath(FieldPath.Parse("a.b.c"), 1);

        Assert.Equal(1L, FieldPath.Parse("a.b.c").Resolve(fact));
        Assert.Equal(1, fact.Version);
    }

    [Fact]
    public void SetPath_IntoListItem_ChangesTheItem()
    {
        var fact = Fact.Parse("Order", """{"lines": [{"amount": 1}]}""");

        fact.SetPath(FieldPath.Parse("lines.0.amount"), 9);

        Assert.Equal(9L, FieldPath.Parse("lines.0.amount").Resolve(fact));
    }

    [Fact]
    public void Constructor_WithUnsupportedClrType_ThrowsNamingTheType()
    {
        var error = Assert.Throws<ArgumentException>(() => new Fact("T", [new("x", new Uri("http://example.invalid"))]));

        Assert.Contains("Uri", error.Message, StringComparison.Ordinal);
    }
}
