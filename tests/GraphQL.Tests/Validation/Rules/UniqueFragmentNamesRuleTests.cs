using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void DistinctFragments_IsValid() =>
        RuleAssert.Valid<UniqueFragmentNamesRule>("{ hero { ...A ...B } }\nfragment A on Character { name }\nfragment B on Character { id }");

    [Fact]
    public void Duplicate_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueFragmentNamesRule>(
            "{ hero { ...A } }\nfragment A on Character { name }\nfragment A on Character { id }",
            ("There can be only one fragment named \"A\".", [(2, 10), (3, 10)]));
}
