using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class FormExpressionsTests
{
    private const string Travel = """
        [
          { "key": "isTravel", "type": "boolean" },
          { "key": "destination", "type": "text", "visibleWhen": "isTravel", "requiredWhen": "isTravel", "minLength": 3 }
        ]
        """;

    [Fact]
    public void AFieldWhoseVisibleWhenIsFalseIsHiddenNotValidatedAndNotStored()
    {
        var result = Evaluate(Travel, """{ "isTravel": false, "destination": "x" }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.False(result.StateOf("destination").Visible);
        Assert.Equal("""{"isTravel":false}""", result.ValuesJson());
    }

    [Fact]
    public void AnEmptyFieldInAConditionCountsAsFalse()
    {
        var result = Evaluate(Travel, "{}");

        Assert.True(result.IsValid, result.Codes());
        Assert.False(result.StateOf("destination").Visible);
    }

    [Fact]
    public void RequiredWhenMakesAVisibleFieldRequired()
    {
        var result = Evaluate(Travel, """{ "isTravel": true }""");

        Assert.True(result.StateOf("destination").Required);
        Assert.Equal("required", result.ErrorAt("destination").Code);
        Assert.Equal("""{"isTravel":true,"destination":null}""", result.ValuesJson());
    }

    [Fact]
    public void ReadonlyWhenMarksTheFieldAndItsGroupsFieldsReadOnlyAndWaivesRequired()
    {
        var result = Evaluate(
            """
            [
              { "key": "locked", "type": "boolean" },
              { "key": "who", "type": "group", "readonlyWhen": "locked", "fields": [ { "key": "name", "type": "text", "required": true } ] }
            ]
            """,
            """{ "locked": true, "who": {} }""");

        Assert.True(result.StateOf("who").Readonly);
        Assert.True(result.StateOf("who.name").Readonly);
        Assert.True(result.IsValid, result.Codes());
    }

    [Fact]
    public void ComputedFieldsRunInDependencyOrderWhateverTheirDocumentOrder()
    {
        var result = Evaluate(
            """
            [
              { "key": "withTax", "type": "computed", "computed": "net * 1.2" },
              { "key": "net", "type": "computed", "computed": "price * quantity" },
              { "key": "price", "type": "number" },
              { "key": "quantity", "type": "integer" }
            ]
            """,
            """{ "price": 10, "quantity": 3 }""");

        Assert.Equal("""{"withTax":36,"net":30,"price":10,"quantity":3}""", result.ValuesJson());
        Assert.True(result.StateOf("net").Readonly);
    }

    [Fact]
    public void AComputedValueCanShowAnotherField()
    {
        var result = Evaluate(
            """
            [
              { "key": "amount", "type": "number" },
              { "key": "total", "type": "computed", "computed": "amount * 2" },
              { "key": "justification", "type": "textarea", "visibleWhen": "total > 1000", "requiredWhen": "total > 1000" }
            ]
            """,
            """{ "amount": 600 }""");

        Assert.True(result.StateOf("justification").Visible);
        Assert.Equal("required", result.ErrorAt("justification").Code);
    }

    [Fact]
    public void AHiddenFieldReadsAsEmptyInOtherExpressions()
    {
        var result = Evaluate(
            """
            [
              { "key": "hasBonus", "type": "boolean" },
              { "key": "bonus", "type": "number", "visibleWhen": "hasBonus" },
              { "key": "pay", "type": "computed", "computed": "100 + coalesce(bonus, 0)" }
            ]
            """,
            """{ "hasBonus": false, "bonus": 50 }""");

        Assert.Equal("""{"hasBonus":false,"pay":100}""", result.ValuesJson());
    }

    [Fact]
    public void AFieldNamedLikeAHelperShadowsTheHelperAndIsOrderedAsADependency()
    {
        var result = Evaluate(
            """
            [
              { "key": "twice", "type": "computed", "computed": "count * 2" },
              { "key": "count", "type": "computed", "computed": "base + 1" },
              { "key": "base", "type": "integer" }
            ]
            """,
            """{ "base": 4 }""");

        Assert.Equal("""{"twice":10,"count":5,"base":4}""", result.ValuesJson());
    }

    [Fact]
    public void TodaySeesTheEvaluationsClockInTheFormsTimeZone()
    {
        var form = Validation.Definitions.Form("""[ { "key": "d", "type": "computed", "computed": "today()" } ]""");
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus14", TimeSpan.FromHours(14), "Plus14", "Plus14");

        var utc = Evaluate(form, "{}", Options with { Now = new DateTimeOffset(2026, 3, 15, 22, 0, 0, TimeSpan.Zero) });
        var ahead = Evaluate(form, "{}", Options with { Now = new DateTimeOffset(2026, 3, 15, 22, 0, 0, TimeSpan.Zero), TimeZone = zone });

        Assert.Equal("""{"d":"2026-03-15"}""", utc.ValuesJson());
        Assert.Equal("""{"d":"2026-03-16"}""", ahead.ValuesJson());
    }

    [Fact]
    public void AnExpressionThatFailsAtRunTimeIsAnExpressionErrorNotAnException()
    {
        var result = Evaluate(
            """
            [
              { "key": "items", "type": "number" },
              { "key": "first", "type": "computed", "computed": "items.foo.bar" },
              { "key": "note", "type": "text", "visibleWhen": "items.length.x > 1" }
            ]
            """,
            """{ "items": 3 }""");

        var computed = result.ErrorAt("first");
        Assert.Equal("expression", computed.Code);
        Assert.Contains("$.fields[1].computed", computed.Message, StringComparison.Ordinal);
        Assert.Equal("expression", result.ErrorAt("note").Code);
        Assert.True(result.StateOf("note").Visible);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void AConditionThatGivesANumberIsAnExpressionError()
    {
        var result = Evaluate("""[ { "key": "a", "type": "number" }, { "key": "b", "type": "text", "visibleWhen": "a" } ]""", """{ "a": 2 }""");

        var error = result.ErrorAt("b");
        Assert.Equal("expression", error.Code);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedValidationPutsItsMessageOnEachVisibleFieldItNames()
    {
        var result = Evaluate(
            """[ { "key": "start", "type": "date" }, { "key": "end", "type": "date" } ]""",
            """{ "start": "2026-02-01", "end": "2026-01-01" }""",
            """[ { "key": "order", "expression": "end >= start", "message": "The end cannot be before the start.", "fields": [ "start", "end" ] } ]""");

        Assert.Equal("start:validation,end:validation", result.Codes());
        Assert.Equal("The end cannot be before the start.", result.ErrorAt("end").Message);
    }

    [Fact]
    public void AValidationWithoutFieldsIsReportedOnTheForm()
    {
        var result = Evaluate(
            """[ { "key": "a", "type": "number" } ]""",
            """{ "a": 1 }""",
            """[ { "key": "big", "expression": "a > 5", "message": "Too small." } ]""");

        Assert.Equal(string.Empty, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void AValidationOnHiddenFieldsOnlyIsSkipped()
    {
        var result = Evaluate(
            """[ { "key": "show", "type": "boolean" }, { "key": "a", "type": "number", "visibleWhen": "show" } ]""",
            """{ "show": false, "a": 1 }""",
            """[ { "key": "big", "expression": "a > 5", "message": "Too small.", "fields": [ "a" ] } ]""");

        Assert.True(result.IsValid, result.Codes());
    }

    [Fact]
    public void FieldsCaughtInADependencyLoopGetAnExpressionErrorInsteadOfAGuess()
    {
        var result = Evaluate(
            """
            [
              { "key": "a", "type": "computed", "computed": "b + 1" },
              { "key": "b", "type": "computed", "computed": "a + 1" },
              { "key": "c", "type": "number" }
            ]
            """,
            """{ "c": 1 }""");

        Assert.Equal("a:expression,b:expression", result.Codes());
        Assert.Contains("computed 'a' → computed 'b' → computed 'a'", result.ErrorAt("a").Message, StringComparison.Ordinal);
        Assert.Equal("""{"a":null,"b":null,"c":1}""", result.ValuesJson());
    }
}
