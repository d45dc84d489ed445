using LowCode.GraphQL.Types;
using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class SingleFieldSubscriptionsRuleTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { a: Int }
        type Subscription { ticks: Int messages: String }
        """).Build();

    [Fact]
    public void OneRootField_IsValid() =>
        Assert.Empty(RuleAssert.Run<SingleFieldSubscriptionsRule>("subscription S { ticks }", Schema));

    [Fact]
    public void TwoRootFields_AreReportedAtTheExtraField()
    {
        var error = Assert.Single(RuleAssert.Run<SingleFieldSubscriptionsRule>("subscription S { ticks messages }", Schema));
        Assert.Equal("Subscription \"S\" must select only one top level field.", error.Message);
        Assert.Equal([new LowCode.GraphQL.Execution.SourceLocation(1, 24)], error.Locations);
    }

    [Fact]
    public void IntrospectionRootField_IsReported()
    {
        var error = Assert.Single(RuleAssert.Run<SingleFieldSubscriptionsRule>("subscription { __typename }", Schema));
        Assert.Equal("Anonymous Subscription must not select an introspection top level field.", error.Message);
        Assert.Equal([new LowCode.GraphQL.Execution.SourceLocation(1, 16)], error.Locations);
    }

    [Fact]
    public void FieldsThroughFragments_AreCounted()
    {
        var error = Assert.Single(RuleAssert.Run<SingleFieldSubscriptionsRule>(
            "subscription S { ...F }\nfragment F on Subscription { ticks messages }", Schema));
        Assert.Equal([new LowCode.GraphQL.Execution.SourceLocation(2, 36)], error.Locations);
    }
}
