using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class NoUnusedVariablesRuleTests
{
    [Fact]
    public void UsedInFragment_IsValid() =>
        RuleAssert.Valid<NoUnusedVariablesRule>("query ($id: ID!) { ...F }\nfragment F on Query { human(id: $id) { name } }");

    [Fact]
    public void Unused_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoUnusedVariablesRule>(
            "query Q($a: Int, $b: Int) { scalars(int: $a) }",
            ("Variable \"$b\" is never used in operation \"Q\".", [(1, 18)]));
}
