using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Defined_IsValid() =>
        RuleAssert.Valid<KnownFragmentNamesRule>("{ hero { ...A } }\nfragment A on Character { name }");

    [Fact]
    public void Undefined_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownFragmentNamesRule>(
            "{ hero { ...Missing } }",
            ("Unknown fragment \"Missing\".", [(1, 13)]));
}
