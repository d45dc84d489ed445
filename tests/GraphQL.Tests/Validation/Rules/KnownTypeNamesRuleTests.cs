using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class KnownTypeNamesRuleTests
{
    [Fact]
    public void KnownTypes_IsValid() =>
        RuleAssert.Valid<KnownTypeNamesRule>("query ($e: Episode, $i: [EchoInput!]) { hero { ... on Human { name } } }");

    [Fact]
    public void UnknownVariableType_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownTypeNamesRule>(
            "query ($e: Episod) { hero { name } }",
            ("Unknown type \"Episod\". Did you mean \"Episode\"?", [(1, 12)]));

    [Fact]
    public void UnknownFragmentType_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<KnownTypeNamesRule>(
            "{ hero { ...F } }\nfragment F on Humen { name }",
            ("Unknown type \"Humen\". Did you mean \"Human\"?", [(2, 15)]));
}
