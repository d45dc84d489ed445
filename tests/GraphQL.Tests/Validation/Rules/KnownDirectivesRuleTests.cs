using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class KnownDirectivesRuleTests
{
    [Fact]
    public void KnownAndPlaced_IsValid() =>
        RuleAssert.Valid<KnownDirectivesRule>("query ($s: Boolean!) { hero @skip(if: $s) { name @include(if: true) } }");

    [Fact]
    public void Unknown_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownDirectivesRule>(
            "{ hero @nope { name } }",
            ("Unknown directive \"@nope\".", [(1, 8)]));

    [Fact]
    public void Misplaced_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownDirectivesRule>(
            "query @include(if: true) { hero { name } }",
            ("Directive \"@include\" may not be used on QUERY.", [(1, 7)]));
}
