using System.Net.Http.Json;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Posts a GraphQL request the way a front end does and returns the parsed response.</summary>
internal static class GraphQLClient
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
