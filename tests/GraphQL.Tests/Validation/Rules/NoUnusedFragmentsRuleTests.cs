using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void AllUsed_IsValid() =>
        RuleAssert.Valid<NoUnusedFragmentsRule>("{ hero { ...A } }\nfragment A on Character { ...B }\nfragment B on Character { id }");

    [Fact]
    public void Unused_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoUnusedFragmentsRule>(
            "{ hero { name } }\nfragment Unused on Character { id }",
            ("Fragment \"Unused\" is never used.", [(2, 1)]));
}
