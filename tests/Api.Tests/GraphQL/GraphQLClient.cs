using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

/// <summary>
/// Posts a GraphQL request the way a front end does and returns the parsed response. A test says who it is with a
/// <see cref="Caller"/> (an admin when it does not); the request carries a real API key that the Api under test issued
/// for that caller (created once per caller and Api, through the same store the key command uses).
/// </summary>
internal static class GraphQLClient
{
    private static readonly ConditionalWeakTable<HttpClient, KeyIssuer> Issuers = [];

    /// <summary>Lets clients of <paramref name="client"/>'s Api sign as callers: called by the factories that create clients.</summary>
    public static void Register(HttpClient client, KeyIssuer issuer) => Issuers.AddOrUpdate(client, issuer);

    /// <summary>A request without variables, as <paramref name="caller"/> (so a caller is never taken for the variables).</summary>
    public static Task<JsonElement> PostAsync(HttpClient client, string query, Caller caller) => PostAsync(client, query, null, caller);

    /// <summary>
    /// The form tests used before keys existed (a user id and comma-separated groups): the caller is that principal
    /// with every permission, as the old trusted headers allowed everything. Prefer a <see cref="Caller"/>.
    /// </summary>
    public static Task<JsonElement> PostAsync(HttpClient client, string query, object? variables, string user, string? groups = null) =>
        PostAsync(client, query, variables, new Caller(user, [.. (groups ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], "admin,designer,analyst,user"));

    public static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null, Caller? caller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        await SignAsync(client, request, caller ?? Caller.Default);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Adds <c>Authorization: Bearer</c> with the caller's key (nothing for <see cref="Caller.Anonymous"/>).</summary>
    public static async Task SignAsync(HttpClient client, HttpRequestMessage request, Caller caller)
    {
        if (caller.IsAnonymous)
        {
            return;
        }

        request.Headers.Authorization = new("Bearer", await KeyForAsync(client, caller));
    }

    public static Task<string> KeyForAsync(HttpClient client, Caller caller) => Issuers.TryGetValue(client, out var issuer)
        ? issuer.KeyForAsync(caller)
        : throw new InvalidOperationException("This HttpClient was not created by an ApiFactory or ApiProcess, so it cannot sign requests; create it with factory.CreateClient().");

    /// <summary>A plain GET (the analytics export) as <paramref name="caller"/>, signed as GraphQL requests are.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string? ContentType, string Body)> GetAsync(HttpClient client, string path, Caller caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        await SignAsync(client, request, caller);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A request as an external participant: no key, only the link token in its header (and in the variables).</summary>
    public static async Task<JsonElement> PostAsLinkHolderAsync(HttpClient client, string query, object? variables, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-LowCode-Link-Token", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
