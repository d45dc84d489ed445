using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void KnownFields_IsValid() =>
        RuleAssert.Valid<FieldsOnCorrectTypeRule>("{ hero { name __typename ... on Droid { primaryFunction } } }");

    [Fact]
    public void Misspelt_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<FieldsOnCorrectTypeRule>(
            "{ hero { nme } }",
            ("Cannot query field \"nme\" on type \"Character\". Did you mean \"name\"?", [(1, 10)]));

    [Fact]
    public void FieldOfImplementation_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<FieldsOnCorrectTypeRule>(
            "{ hero { homePlanet } }",
            ("Cannot query field \"homePlanet\" on type \"Character\". Did you mean to use an inline fragment on \"Human\"?", [(1, 10)]));
}
