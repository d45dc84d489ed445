using static LowCode.Engine.Tests.Forms.FormTesting;

namespace LowCode.Engine.Tests.Forms;

public sealed class FormValuesTests
{
    [Fact]
    public void DefaultsFillFieldsTheDataDoesNotMention()
    {
        var result = Evaluate(
            """
            [
              { "key": "currency", "type": "select", "options": [ { "value": "EUR" }, { "value": "USD" } ], "default": "EUR" },
              { "key": "count", "type": "integer", "default": 1 },
              { "key": "tags", "type": "multiselect", "options": [ { "value": "a" } ], "default": [ "a" ] }
            ]
            """,
            """{ "count": 5 }""");

        Assert.Equal("""{"currency":"EUR","count":5,"tags":["a"]}""", result.ValuesJson());
    }

    [Fact]
    public void AnExplicitNullClearsAFieldThatHasADefault()
    {
        var result = Evaluate("""[ { "key": "currency", "type": "text", "default": "EUR" } ]""", """{ "currency": null }""");

        Assert.Equal("""{"currency":null}""", result.ValuesJson());
    }

    [Fact]
    public void GroupsAreStoredAsNestedObjectsButExpressionsReadTheirFieldsByKey()
    {
        var result = Evaluate(
            """
            [
              { "key": "address", "type": "group", "fields": [ { "key": "city", "type": "text", "required": true }, { "key": "zip", "type": "text" } ] },
              { "key": "label", "type": "computed", "computed": "city + ' ' + zip" }
            ]
            """,
            """{ "address": { "city": "Lyon", "zip": "69001" } }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.Equal("""{"address":{"city":"Lyon","zip":"69001"},"label":"Lyon 69001"}""", result.ValuesJson());
        Assert.Equal("address.city", result.Fields[1].Path);
    }

    [Fact]
    public void AFieldInAGroupIsReportedAtItsDottedPath()
    {
        var result = Evaluate(
            """[ { "key": "address", "type": "group", "fields": [ { "key": "city", "type": "text", "required": true } ] } ]""",
            """{ "address": {} }""");

        Assert.Equal("required", result.ErrorAt("address.city").Code);
    }

    [Fact]
    public void AHiddenGroupHidesItsFields()
    {
        var result = Evaluate(
            """
            [
              { "key": "company", "type": "boolean" },
              { "key": "firm", "type": "group", "visibleWhen": "company", "fields": [ { "key": "vatId", "type": "text", "required": true } ] }
            ]
            """,
            """{ "company": false, "firm": { "vatId": "" } }""");

        Assert.True(result.IsValid, result.Codes());
        Assert.False(result.StateOf("firm.vatId").Visible);
        Assert.Equal("""{"company":false}""", result.ValuesJson());
    }

    [Fact]
    public void AGroupWhoseDataIsNotAnObjectIsATypeError()
    {
        var result = Evaluate("""[ { "key": "address", "type": "group", "fields": [ { "key": "city", "type": "text" } ] } ]""", """{ "address": "Lyon" }""");

        Assert.Equal("type", result.ErrorAt("address").Code);
    }

    [Fact]
    public void StaticContentIsListedButNeverStored()
    {
        var result = Evaluate("""[ { "key": "intro", "type": "static", "content": "Hello" }, { "key": "a", "type": "text" } ]""", """{ "a": "x" }""");

        Assert.True(result.StateOf("intro").Visible);
        Assert.Equal("""{"a":"x"}""", result.ValuesJson());
    }

    [Fact]
    public void AValueThatCannotBeCoercedIsStoredAsNullAndReadAsEmpty()
    {
        var result = Evaluate(
            """[ { "key": "a", "type": "number" }, { "key": "b", "type": "computed", "computed": "a === null ? 'empty' : 'set'" } ]""",
            """{ "a": "ten" }""");

        Assert.Equal("""{"a":null,"b":"empty"}""", result.ValuesJson());
        Assert.Equal("ten", result.StateOf("a").Value!.GetValue<string>());
    }
}
