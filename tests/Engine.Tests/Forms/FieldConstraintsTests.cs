using System.Text.Json.Nodes;
using LowCode.Engine.Tests.Validation;
using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class FieldConstraintsTests
{
    [Theory]
    [InlineData("""{ "key": "f", "type": "number", "min": 1 }""", "0.5", "min")]
    [InlineData("""{ "key": "f", "type": "integer", "max": 10 }""", "11", "max")]
    [InlineData("""{ "key": "f", "type": "date", "minDate": "2026-01-01" }""", "\"2025-12-31\"", "minDate")]
    [InlineData("""{ "key": "f", "type": "date", "maxDate": "2026-01-01" }""", "\"2026-01-02\"", "maxDate")]
    [InlineData("""{ "key": "f", "type": "datetime", "maxDate": "2026-01-01" }""", "\"2026-01-02T00:00:00Z\"", "maxDate")]
    [InlineData("""{ "key": "f", "type": "text", "minLength": 3 }""", "\"ab\"", "minLength")]
    [InlineData("""{ "key": "f", "type": "textarea", "maxLength": 3 }""", "\"abcd\"", "maxLength")]
    [InlineData("""{ "key": "f", "type": "text", "pattern": "[A-Z]{2}" }""", "\"ABC\"", "pattern")]
    [InlineData("""{ "key": "f", "type": "email", "pattern": ".*@example\\.com" }""", "\"a@other.org\"", "pattern")]
    [InlineData("""{ "key": "f", "type": "file", "accept": [ "application/pdf" ] }""", """{ "name": "a.png", "contentType": "image/png" }""", "accept")]
    [InlineData("""{ "key": "f", "type": "file", "accept": [ ".pdf" ] }""", """[ { "name": "a.pdf" }, { "name": "b.doc" } ]""", "accept")]
    [InlineData("""{ "key": "f", "type": "file", "maxSizeBytes": 1024 }""", """{ "name": "a.png", "size": 2048 }""", "maxSize")]
    public void AValueOutsideAConstraintIsReportedWithTheConstraintsCode(string field, string value, string code)
    {
        var result = Evaluate($"[ {field} ]", $$"""{ "f": {{value}} }""");

        Assert.Equal(code, result.ErrorAt("f").Code);
    }

    [Theory]
    [InlineData("""{ "key": "f", "type": "number", "min": 1, "max": 2 }""", "1")]
    [InlineData("""{ "key": "f", "type": "date", "minDate": "2026-01-01", "maxDate": "2026-01-01" }""", "\"2026-01-01\"")]
    [InlineData("""{ "key": "f", "type": "text", "minLength": 2, "maxLength": 2, "pattern": "^[a-z]+$" }""", "\"ab\"")]
    [InlineData("""{ "key": "f", "type": "file", "accept": [ "image/*", ".pdf" ], "maxSizeBytes": 100 }""", """[ { "name": "a.PDF", "size": 100 }, { "name": "x", "contentType": "image/jpeg" } ]""")]
    public void AValueOnTheEdgeOfItsConstraintsPasses(string field, string value)
    {
        var result = Evaluate($"[ {field} ]", $$"""{ "f": {{value}} }""");

        Assert.True(result.IsValid, result.Codes());
    }

    [Fact]
    public void APatternMessageReplacesTheGenericOne()
    {
        var result = Evaluate("""[ { "key": "cc", "type": "text", "pattern": "^CC-[0-9]{4}$", "patternMessage": "A cost center looks like CC-1234." } ]""", """{ "cc": "CC-12" }""");

        Assert.Equal("A cost center looks like CC-1234.", result.ErrorAt("cc").Message);
    }

    [Fact]
    public void APatternWithABackreferenceStillWorks()
    {
        var result = Evaluate("""[ { "key": "f", "type": "text", "pattern": "(a)\\1" } ]""", """{ "f": "ab" }""");

        Assert.Equal("pattern", result.ErrorAt("f").Code);
    }

    [Theory]
    [InlineData("text", "", "\"   \"")]
    [InlineData("text", "", "null")]
    [InlineData("multiselect", ", \"options\": [ { \"value\": \"a\" } ]", "[]")]
    [InlineData("file", "", "[]")]
    public void ARequiredFieldThatIsEmptyIsARequiredError(string type, string extra, string value)
    {
        var result = Evaluate($$"""[ { "key": "f", "type": "{{type}}", "required": true{{extra}} } ]""", $$"""{ "f": {{value}} }""");

        Assert.Equal("required", result.ErrorAt("f").Code);
    }

    [Fact]
    public void ARequiredBooleanIsSatisfiedByFalse()
    {
        var result = Evaluate("""[ { "key": "f", "type": "boolean", "required": true } ]""", """{ "f": false }""");

        Assert.True(result.IsValid, result.Codes());
    }

    [Fact]
    public void AnEmptyOptionalFieldIsNotCheckedAgainstItsConstraints()
    {
        var result = Evaluate("""[ { "key": "f", "type": "text", "minLength": 5, "pattern": "x+" } ]""", """{ "f": "" }""");

        Assert.True(result.IsValid, result.Codes());
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(2048, "maxSize")]
    public void CheckFile_WithASizeBuiltFromACSharpInt_DoesNotThrowAndChecksTheSize(int size, string? code)
    {
        var form = Definitions.Form("""[ { "key": "f", "type": "file", "maxSizeBytes": 1024 } ]""");
        var data = new JsonObject { ["f"] = new JsonObject { ["name"] = "a.png", ["size"] = size } };

        var result = Evaluator.Evaluate(form, data, Options);

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(5L, null)]
    [InlineData(2048L, "maxSize")]
    [InlineData((short)5, null)]
    [InlineData(2048f, "maxSize")]
    [InlineData(float.NaN, null)]
    [InlineData(2048.5, "maxSize")]
    public void CheckFile_WithASizeOfAnyCSharpNumberType_ChecksTheSize(object size, string? code)
    {
        var form = Definitions.Form("""[ { "key": "f", "type": "file", "maxSizeBytes": 1024 } ]""");
        JsonNode value = size switch
        {
            long l => JsonValue.Create(l),
            short s => JsonValue.Create(s),
            float f => JsonValue.Create(f),
            double d => JsonValue.Create((decimal)d),
            _ => throw new ArgumentOutOfRangeException(nameof(size)),
        };
        var data = new JsonObject { ["f"] = new JsonArray(new JsonObject { ["name"] = "a.png", ["size"] = value }) };

        var result = Evaluator.Evaluate(form, data, Options);

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(11, "max")]
    public void ANumberBuiltFromACSharpIntIsCheckedAgainstItsRange(int number, string? code)
    {
        var form = Definitions.Form("""[ { "key": "f", "type": "integer", "max": 10 } ]""");

        var result = Evaluator.Evaluate(form, new JsonObject { ["f"] = number }, Options);

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code);
    }
}
