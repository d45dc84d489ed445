using LowCode.GraphQL.Language;

namespace LowCode.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Print_NormalizesAnOperation()
    {
        var printed = Printer.Print(Parser.Parse("query Q($a:Int=1){x:f(a:$a,b:{c:[1,2]})@skip(if:false){...F ... on T{g}}} fragment F on T{h}").Document!);
        Assert.Equal(
            "query Q($a: Int = 1) {\n  x: f(a: $a, b: {c: [1, 2]}) @skip(if: false) {\n    ...F\n    ... on T {\n      g\n    }\n  }\n}\n\nfragment F on T {\n  h\n}",
            printed);
    }

    [Fact]
    public void Print_AnonymousQueryAsShorthand()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }").Document!));
    }

    [Fact]
    public void Print_ThenParse_GivesTheSameText()
    {
        const string Sdl = "\"\"\"\nMulti\nline\n\"\"\"\ntype T implements A & B @d {\n  \"one\"\n  f(a: [Int!] = [1], b: E = X): String @deprecated\n}\n\nunion U = A | B\n\ndirective @d repeatable on OBJECT | FIELD_DEFINITION\n\nextend input I {\n  x: Int = 2\n}";
        var once = Printer.Print(Parser.Parse(Sdl).Document!);
        Assert.Equal(Sdl, once);
        Assert.Equal(once, Printer.Print(Parser.Parse(once).Document!));
    }

    [Theory]
    [InlineData("a\"b\\c\n\u0001", "\"a\\\"b\\\\c\\n\\u0001\"")]
    [InlineData("é", "\"é\"")]
    public void PrintString_EscapesLikeJson(string value, string printed) => Assert.Equal(printed, Printer.PrintString(value));

    [Fact]
    public void Print_LongArgumentListsWrapOntoLines()
    {
        var longValue = new string('x', 90);
        var printed = Printer.Print(Parser.Parse($"{{ f(a: \"{longValue}\", b: 1) }}").Document!);
        Assert.Contains("f(\n    a: ", printed, StringComparison.Ordinal);
    }
}
