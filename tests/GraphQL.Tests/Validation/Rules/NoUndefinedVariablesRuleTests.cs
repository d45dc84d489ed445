using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void Defined_IsValid() =>
        RuleAssert.Valid<NoUndefinedVariablesRule>("query ($id: ID!) { human(id: $id) { name } }");

    [Fact]
    public void UndefinedInNamedOperation_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoUndefinedVariablesRule>(
            "query Q { human(id: $id) { name } }",
            ("Variable \"$id\" is not defined by operation \"Q\".", [(1, 21), (1, 1)]));

    [Fact]
    public void UndefinedInFragment_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoUndefinedVariablesRule>(
            "{ ...F }\nfragment F on Query { human(id: $id) { name } }",
            ("Variable \"$id\" is not defined.", [(2, 33), (1, 1)]));
}
