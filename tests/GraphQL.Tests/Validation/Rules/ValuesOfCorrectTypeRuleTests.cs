using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void GoodLiterals_IsValid() =>
        RuleAssert.Valid<ValuesOfCorrectTypeRule>("{ scalars(int: 1, float: 2, string: \"s\", boolean: true, id: 4) hero(episode: JEDI) { name } echo(input: {text: \"t\"}) { text } }");

    [Fact]
    public void StringForInt_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ValuesOfCorrectTypeRule>(
            "{ scalars(int: \"1\") }",
            ("Int cannot represent non-integer value: \"1\"", [(1, 16)]));

    [Fact]
    public void MissingRequiredInputField_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ValuesOfCorrectTypeRule>(
            "{ echo(input: {count: 1}) { text } }",
            ("Field \"EchoInput.text\" of required type \"String!\" was not provided.", [(1, 15)]));

    [Fact]
    public void UnknownEnumValue_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<ValuesOfCorrectTypeRule>(
            "{ hero(episode: JEDII) { name } }",
            ("Value \"JEDII\" does not exist in \"Episode\" enum. Did you mean the enum value \"JEDI\"?", [(1, 17)]));
}
