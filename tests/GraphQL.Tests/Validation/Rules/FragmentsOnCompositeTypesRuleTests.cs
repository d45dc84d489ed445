using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void CompositeConditions_IsValid() =>
        RuleAssert.Valid<FragmentsOnCompositeTypesRule>("{ hero { ... on Human { name } ...F } }\nfragment F on Character { id }");

    [Fact]
    public void ScalarCondition_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<FragmentsOnCompositeTypesRule>(
            "{ hero { ...F } }\nfragment F on Boolean { name }",
            ("Fragment \"F\" cannot condition on non composite type \"Boolean\".", [(2, 15)]));

    [Fact]
    public void InlineEnumCondition_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<FragmentsOnCompositeTypesRule>(
            "{ hero { ... on Episode { name } } }",
            ("Fragment cannot condition on non composite type \"Episode\".", [(1, 17)]));
}
