using LowCode.GraphQL.AspNetCore.Http;

namespace LowCode.GraphQL.Tests.AspNetCore.Http;

public sealed class AcceptNegotiationTests
{
    [Theory]
    [InlineData(null, "Json")]
    [InlineData("", "Json")]
    [InlineData("application/json", "Json")]
    [InlineData("application/graphql-response+json", "GraphQLResponseJson")]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", "GraphQLResponseJson")]
    [InlineData("application/graphql-response+json, application/json", "GraphQLResponseJson")]
    [InlineData("application/json, application/graphql-response+json", "GraphQLResponseJson")]
    [InlineData("application/graphql-response+json;q=0.9, application/json", "Json")]
    [InlineData("*/*", "Json")]
    [InlineData("application/*", "Json")]
    [InlineData("application/graphql-response+json; charset=utf-8", "GraphQLResponseJson")]
    [InlineData("application/graphql-response+json; charset=latin1, application/json", "Json")]
    [InlineData("application/json;q=0, */*;q=0.1", "Json")]
    public void FromHeader_PicksTheBestJsonMediaType(string? accept, string expected)
    {
        Assert.Equal(Enum.Parse<ResponseMediaType>(expected), AcceptNegotiation.FromHeader(accept).MediaType);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/html")]
    public void FromHeader_WithNothingWeProduce_ChoosesNoMediaType(string accept)
    {
        Assert.Null(AcceptNegotiation.FromHeader(accept).MediaType);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true)]
    [InlineData("text/html", true)]
    [InlineData("text/html;q=0.9, application/json", false)]
    [InlineData("application/json, text/html", true)]
    [InlineData("*/*", false)]
    [InlineData("text/html;q=0", false)]
    [InlineData(null, false)]
    public void FromHeader_TellsWhetherABrowserPrefersHtml(string? accept, bool prefersHtml)
    {
        Assert.Equal(prefersHtml, AcceptNegotiation.FromHeader(accept).PrefersHtml);
    }
}
