using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void InputTypes_IsValid() =>
        RuleAssert.Valid<VariablesAreInputTypesRule>("query ($a: Int, $b: [EchoInput!]!, $c: Episode) { hero { name } }");

    [Fact]
    public void OutputType_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<VariablesAreInputTypesRule>(
            "query ($c: Character, $h: [Human]!) { hero { name } }",
            ("Variable \"$c\" cannot be non-input type \"Character\".", [(1, 12)]),
            ("Variable \"$h\" cannot be non-input type \"[Human]!\".", [(1, 27)]));
}
