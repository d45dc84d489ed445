using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void DifferentDirectives_IsValid() =>
        RuleAssert.Valid<UniqueDirectivesPerLocationRule>("{ hero @skip(if: false) @include(if: true) { name } }");

    [Fact]
    public void Repeated_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<UniqueDirectivesPerLocationRule>(
            "{ hero { name @skip(if: true) @skip(if: false) } }",
            ("The directive \"@skip\" can only be used once at this location.", [(1, 15), (1, 31)]));
}
