namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>The two response media types of the GraphQL-over-HTTP spec.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/json</c>: the legacy type; request errors still answer 200.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: request errors answer 4xx.</summary>
    GraphQLResponseJson,
}
