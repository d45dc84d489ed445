using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueVariableNamesRuleTests
{
    [Fact]
    public void Distinct_IsValid() =>
        RuleAssert.Valid<UniqueVariableNamesRule>("query ($a: Int, $b: Int) { hero { name } }");

    [Fact]
    public void Duplicate_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueVariableNamesRule>(
            "query ($a: Int, $a: String) { hero { name } }",
            ("There can be only one variable named \"$a\".", [(1, 9), (1, 18)]));
}
