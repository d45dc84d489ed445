using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Distinct_IsValid() =>
        RuleAssert.Valid<UniqueArgumentNamesRule>("{ scalars(int: 1, float: 2) }");

    [Fact]
    public void Duplicate_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueArgumentNamesRule>(
            "{ scalars(int: 1, int: 2) }",
            ("There can be only one argument named \"int\".", [(1, 11), (1, 19)]));
}
