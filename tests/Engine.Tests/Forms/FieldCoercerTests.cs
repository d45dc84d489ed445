using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class FieldCoercerTests
{
    private const string OptionList = """, "options": [ { "value": "a" }, { "value": "b" }, { "value": "1" } ]""";

    [Theory]
    [InlineData("text", "", "\"hello\"", "\"hello\"")]
    [InlineData("text", "", "42", "\"42\"")]
    [InlineData("textarea", "", "\"two\\nlines\"", "\"two\\nlines\"")]
    [InlineData("number", "", "12.5", "12.5")]
    [InlineData("number", "", "\" 12.5 \"", "12.5")]
    [InlineData("number", "", "\"\"", "null")]
    [InlineData("integer", "", "7", "7")]
    [InlineData("integer", "", "7.0", "7")]
    [InlineData("integer", "", "\"-3\"", "-3")]
    [InlineData("boolean", "", "true", "true")]
    [InlineData("boolean", "", "\"FALSE\"", "false")]
    [InlineData("date", "", "\"2026-01-31\"", "\"2026-01-31\"")]
    [InlineData("datetime", "", "\"2026-01-31T09:30:00+02:00\"", "\"2026-01-31T07:30:00Z\"")]
    [InlineData("datetime", "", "\"2026-01-31T09:30:00\"", "\"2026-01-31T09:30:00Z\"")]
    [InlineData("select", OptionList, "\"a\"", "\"a\"")]
    [InlineData("select", OptionList, "1", "\"1\"")]
    [InlineData("multiselect", OptionList, "[\"a\", \"b\", \"a\"]", "[\"a\",\"b\"]")]
    [InlineData("multiselect", OptionList, "\"b\"", "[\"b\"]")]
    [InlineData("multiselect", OptionList, "\"\"", "null")]
    [InlineData("email", "", "\" ada@example.com \"", "\"ada@example.com\"")]
    [InlineData("url", "", "\"https://example.com/x?y=1\"", "\"https://example.com/x?y=1\"")]
    [InlineData("file", "", "{\"name\":\"r.pdf\",\"size\":10,\"contentType\":\"application/pdf\"}", "{\"name\":\"r.pdf\",\"size\":10,\"contentType\":\"application/pdf\"}")]
    [InlineData("file", "", "[{\"name\":\"a.png\"},{\"name\":\"b.png\"}]", "[{\"name\":\"a.png\"},{\"name\":\"b.png\"}]")]
    [InlineData("file", "", "\"01a24ec558d8799a908616a5328c24c9\"", "\"01a24ec558d8799a908616a5328c24c9\"")]
    public void AValueTheFieldTypeCanHoldIsStoredInItsCanonicalForm(string type, string extra, string input, string stored)
    {
        var result = Evaluate($$"""[ { "key": "f", "type": "{{type}}"{{extra}} } ]""", $$"""{ "f": {{input}} }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal($$"""{"f":{{stored}}}""", result.ValuesJson());
    }

    [Theory]
    [InlineData("text", "", "true", "expects text")]
    [InlineData("text", "", "{}", "expects text")]
    [InlineData("number", "", "\"twelve\"", "expects a number")]
    [InlineData("number", "", "[1]", "expects a number")]
    [InlineData("integer", "", "2.5", "whole number")]
    [InlineData("boolean", "", "\"yes\"", "true or false")]
    [InlineData("boolean", "", "1", "true or false")]
    [InlineData("date", "", "\"31/01/2026\"", "YYYY-MM-DD")]
    [InlineData("date", "", "\"2026-02-30\"", "YYYY-MM-DD")]
    [InlineData("datetime", "", "\"tomorrow\"", "ISO-8601")]
    [InlineData("select", "", "{}", "one of its options")]
    [InlineData("multiselect", OptionList, "[\"a\", 2]", "list of option values")]
    [InlineData("multiselect", OptionList, "5", "list of its options")]
    [InlineData("email", "", "\"not-an-address\"", "e-mail address")]
    [InlineData("url", "", "\"ftp://example.com\"", "web address")]
    [InlineData("url", "", "\"example.com\"", "web address")]
    [InlineData("file", "", "42", "expects the id of an uploaded file")]
    [InlineData("file", "", "{\"size\": 3}", "expects the id of an uploaded file")]
    public void AValueTheFieldTypeCannotHoldIsATypeErrorThatSaysWhatWasExpected(string type, string extra, string input, string expected)
    {
        var result = Evaluate($$"""[ { "key": "f", "type": "{{type}}"{{extra}} } ]""", $$"""{ "f": {{input}} }""");

        var error = result.ErrorAt("f");
        Assert.Equal("type", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("""{"f":null}""", result.ValuesJson());
        Assert.NotNull(result.StateOf("f").Value);
    }

    [Theory]
    [InlineData("select", "\"z\"")]
    [InlineData("multiselect", "[\"a\", \"z\"]")]
    public void AValueThatIsNoneOfTheOptionsIsAnOptionError(string type, string input)
    {
        var result = Evaluate($$"""[ { "key": "f", "type": "{{type}}"{{OptionList}} } ]""", $$"""{ "f": {{input}} }""");

        var error = result.ErrorAt("f");
        Assert.Equal("option", error.Code);
        Assert.Contains("\"z\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatetimeWithoutAnOffsetIsAWallClockTimeInTheFormsTimeZone()
    {
        var form = Validation.Definitions.Form("""[ { "key": "f", "type": "datetime" } ]""");
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");

        var result = Evaluate(form, """{ "f": "2026-01-31T09:30" }""", Options with { TimeZone = zone });

        Assert.Equal("""{"f":"2026-01-31T07:30:00Z"}""", result.ValuesJson());
    }

    [Fact]
    public void ComputedAndStaticFieldsIgnoreWhatTheDataSays()
    {
        var result = Evaluate(
            """[ { "key": "intro", "type": "static", "content": "Hi" }, { "key": "a", "type": "number" }, { "key": "twice", "type": "computed", "computed": "a * 2" } ]""",
            """{ "intro": "changed", "a": 4, "twice": 100 }""");

        Assert.Equal("""{"a":4,"twice":8}""", result.ValuesJson());
    }

    [Fact]
    public void KeysThatAreNotFieldsAreDropped()
    {
        var result = Evaluate("""[ { "key": "a", "type": "text" } ]""", """{ "a": "x", "extra": 1 }""");

        Assert.Equal("""{"a":"x"}""", result.ValuesJson());
    }
}
