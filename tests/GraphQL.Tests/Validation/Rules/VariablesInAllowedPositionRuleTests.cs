using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void Matching_IsValid() =>
        RuleAssert.Valid<VariablesInAllowedPositionRule>("query ($id: ID!, $e: Episode = JEDI) { human(id: $id) { name } enumEcho(episode: $e) }");

    [Fact]
    public void NullableForNonNull_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<VariablesInAllowedPositionRule>(
            "query ($id: ID) { human(id: $id) { name } }",
            ("Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".", [(1, 8), (1, 29)]));

    [Fact]
    public void WrongType_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<VariablesInAllowedPositionRule>(
            "query ($i: Int) { scalars(string: $i) }",
            ("Variable \"$i\" of type \"Int\" used in position expecting type \"String\".", [(1, 8), (1, 35)]));
}
