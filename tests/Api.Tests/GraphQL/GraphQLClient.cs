using System.Net.Http.Json;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>Posts a GraphQL request the way a front end does and returns the parsed response.</summary>
internal static class GraphQLClient
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null, string? user = null, string? groups = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        Identify(request, user, groups);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Makes <paramref name="request"/> (a GraphQL post, or a plain HTTP call such as a file upload) the given user's.</summary>
    public static void Identify(HttpRequestMessage request, string? user, string? groups = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (user is not null)
        {
            request.Headers.Add("X-LowCode-User", user);
        }

        if (groups is not null)
        {
            request.Headers.Add("X-LowCode-Groups", groups);
        }
    }

    /// <summary>A plain GET (the analytics export) as the same caller, so it authenticates as GraphQL requests do.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string? ContentType, string Body)> GetAsync(HttpClient client, string path, string? user = null, string? groups = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (user is not null)
        {
            request.Headers.Add("X-LowCode-User", user);
        }

        if (groups is not null)
        {
            request.Headers.Add("X-LowCode-Groups", groups);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
