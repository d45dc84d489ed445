using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class RepeatingGroupTests
{
    private const string Lines = """
        [
          { "key": "vatRate", "type": "number", "default": 0.2 },
          {
            "key": "lines", "type": "repeating", "minRows": 1, "maxRows": 3,
            "fields": [
              { "key": "kind", "type": "select", "options": [ { "value": "goods" }, { "value": "other" } ], "required": true },
              { "key": "amount", "type": "number", "required": true, "min": 0.01 },
              { "key": "note", "type": "text", "visibleWhen": "kind === 'other'", "requiredWhen": "kind === 'other'" },
              { "key": "gross", "type": "computed", "computed": "round(amount * (1 + vatRate), 2)" }
            ]
          },
          { "key": "total", "type": "computed", "computed": "round(sum(lines, 'gross'), 2)" }
        ]
        """;

    [Fact]
    public void EachRowRunsItsOwnExpressionsOverItsFieldsAndTheFormsFields()
    {
        var result = Evaluate(Lines, """{ "lines": [ { "kind": "goods", "amount": 10 }, { "kind": "other", "amount": 5, "note": "taxi" } ] }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal(
            """{"vatRate":0.2,"lines":[{"kind":"goods","amount":10,"gross":12},{"kind":"other","amount":5,"note":"taxi","gross":6}],"total":18}""",
            result.ValuesJson());
        Assert.False(result.StateOf("lines[0].note").Visible);
        Assert.True(result.StateOf("lines[1].note").Visible);
    }

    [Fact]
    public void RowErrorsCarryTheRowsIndexInTheirPath()
    {
        var result = Evaluate(Lines, """{ "lines": [ { "kind": "goods", "amount": 10 }, { "kind": "other", "amount": 0 }, { "kind": "toys", "amount": "x" } ] }""");

        Assert.Equal("lines[1].amount:min,lines[1].note:required,lines[2].kind:option,lines[2].amount:type", result.Codes());
    }

    [Fact]
    public void TooFewAndTooManyRowsAreReportedOnTheTable()
    {
        var none = Evaluate(Lines, """{ "lines": [] }""");
        var many = Evaluate(Lines, """{ "lines": [ {}, {}, {}, {} ] }""");

        Assert.Equal("minRows", none.ErrorAt("lines").Code);
        Assert.Equal("maxRows", many.ErrorAt("lines").Code);
    }

    [Fact]
    public void ARowThatIsNotAnObjectIsATypeErrorAtTheRow()
    {
        var result = Evaluate(Lines, """{ "lines": [ 42 ] }""");

        Assert.Equal("type", result.ErrorAt("lines[0]").Code);
    }

    [Fact]
    public void ATableThatIsNotAListIsATypeError()
    {
        var result = Evaluate(Lines, """{ "lines": { "kind": "goods" } }""");

        Assert.Equal("type", result.ErrorAt("lines").Code);
    }

    [Fact]
    public void AHiddenTableIsNeitherValidatedNorStoredNorReadByExpressions()
    {
        var result = Evaluate(
            """
            [
              { "key": "itemised", "type": "boolean" },
              { "key": "lines", "type": "repeating", "visibleWhen": "itemised", "minRows": 1, "fields": [ { "key": "amount", "type": "number", "required": true } ] },
              { "key": "count", "type": "computed", "computed": "coalesce(lines, []).length" }
            ]
            """,
            """{ "itemised": false, "lines": [ {} ] }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal("""{"itemised":false,"count":0}""", result.ValuesJson());
    }

    [Fact]
    public void ARowFieldShadowsAFormFieldOfTheSameKey()
    {
        var result = Evaluate(
            """
            [
              { "key": "amount", "type": "number" },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" }, { "key": "twice", "type": "computed", "computed": "amount * 2" } ] }
            ]
            """,
            """{ "amount": 100, "lines": [ { "amount": 1 } ] }""");

        Assert.Equal("""{"amount":100,"lines":[{"amount":1,"twice":2}]}""", result.ValuesJson());
    }

    [Fact]
    public void AColumnComputedFromAFormComputedFieldWaitsForItAndATotalWaitsForTheColumn()
    {
        var result = Evaluate(
            """
            [
              { "key": "total", "type": "computed", "computed": "sum(lines, 'gross')" },
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" }, { "key": "gross", "type": "computed", "computed": "amount * rate" } ] },
              { "key": "rate", "type": "computed", "computed": "1 + vat / 100" },
              { "key": "vat", "type": "number" }
            ]
            """,
            """{ "vat": 50, "lines": [ { "amount": 2 }, { "amount": 4 } ] }""");

        Assert.Equal("""{"total":9,"lines":[{"amount":2,"gross":3},{"amount":4,"gross":6}],"rate":1.5,"vat":50}""", result.ValuesJson());
    }

    [Fact]
    public void ANestedRepeatingGroupGetsPathsThroughBothRows()
    {
        var result = Evaluate(
            """
            [
              {
                "key": "trips", "type": "repeating",
                "fields": [
                  { "key": "city", "type": "text", "required": true },
                  { "key": "legs", "type": "repeating", "fields": [ { "key": "km", "type": "number", "min": 0 } ] },
                  { "key": "distance", "type": "computed", "computed": "sum(legs, 'km')" }
                ]
              }
            ]
            """,
            """{ "trips": [ { "city": "Oslo", "legs": [ { "km": 10 }, { "km": 5 } ] }, { "legs": [ { "km": -1 } ] } ] }""");

        Assert.Equal("trips[1].city:required,trips[1].legs[0].km:min", result.Codes());
        Assert.Equal(15, result.Values["trips"]![0]!["distance"]!.GetValue<double>());
    }

    [Fact]
    public void ColumnDefaultsApplyPerRow()
    {
        var result = Evaluate(
            """[ { "key": "lines", "type": "repeating", "fields": [ { "key": "qty", "type": "integer", "default": 1 } ] } ]""",
            """{ "lines": [ {}, { "qty": 4 } ] }""");

        Assert.Equal("""{"lines":[{"qty":1},{"qty":4}]}""", result.ValuesJson());
    }

    [Fact]
    public void FieldStatesListEveryRowsFields()
    {
        var result = Evaluate(Lines, """{ "lines": [ { "kind": "goods", "amount": 1 }, { "kind": "goods", "amount": 2 } ] }""");

        Assert.Equal(
            ["vatRate", "lines", "lines[0].kind", "lines[0].amount", "lines[0].note", "lines[0].gross", "lines[1].kind", "lines[1].amount", "lines[1].note", "lines[1].gross", "total"],
            result.Fields.Select(f => f.Path));
    }
}
