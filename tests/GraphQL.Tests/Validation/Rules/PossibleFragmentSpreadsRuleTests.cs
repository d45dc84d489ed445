using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Overlapping_IsValid() =>
        RuleAssert.Valid<PossibleFragmentSpreadsRule>("{ hero { ... on Human { name } ... on Character { id } } }");

    [Fact]
    public void ImpossibleInline_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<PossibleFragmentSpreadsRule>(
            "{ human(id: \"1\") { ... on Droid { name } } }",
            ("Fragment cannot be spread here as objects of type \"Human\" can never be of type \"Droid\".", [(1, 20)]));

    [Fact]
    public void ImpossibleNamed_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<PossibleFragmentSpreadsRule>(
            "{ pets { ...S } }\nfragment S on Starship { name }",
            ("Fragment \"S\" cannot be spread here as objects of type \"Pet\" can never be of type \"Starship\".", [(1, 10)]));
}
