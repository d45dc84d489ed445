using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Acyclic_IsValid() =>
        RuleAssert.Valid<NoFragmentCyclesRule>("{ hero { ...A } }\nfragment A on Character { ...B }\nfragment B on Character { id }");

    [Fact]
    public void SelfSpread_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoFragmentCyclesRule>(
            "{ hero { ...A } }\nfragment A on Character { ...A }",
            ("Cannot spread fragment \"A\" within itself.", [(2, 27)]));

    [Fact]
    public void ThroughAnother_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<NoFragmentCyclesRule>(
            "{ hero { ...A } }\nfragment A on Character { ...B }\nfragment B on Character { ...A }",
            ("Cannot spread fragment \"A\" within itself via \"B\".", [(2, 27), (3, 27)]));
}
