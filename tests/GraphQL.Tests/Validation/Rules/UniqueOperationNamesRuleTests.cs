using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueOperationNamesRuleTests
{
    [Fact]
    public void DistinctNames_IsValid() =>
        RuleAssert.Valid<UniqueOperationNamesRule>("query A { hero { name } }\nquery B { hero { id } }");

    [Fact]
    public void SameNameTwice_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueOperationNamesRule>(
            "query A { hero { name } }\nmutation A { increment }",
            ("There can be only one operation named \"A\".", [(1, 7), (2, 10)]));
}
