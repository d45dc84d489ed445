using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LowCode.LoadHarness;

/// <summary>
/// Posts one GraphQL request with an API key, times it, and turns every way it can go wrong (no answer, an HTTP error,
/// a body that is not GraphQL, an <c>errors</c> entry) into a failed request in the round's stats.
/// </summary>
internal static class GraphQLCaller
{
    /// <summary>
    /// The request's <c>data</c>, or null after recording why it failed. The latency runs from <paramref name="timedFrom"/>
    /// (a <see cref="Stopwatch"/> timestamp: an open-loop arrival's slot) or from now.
    /// </summary>
    public static async Task<JsonElement?> PostAsync(HttpClient http, string key, RoundStats stats, string operation, string query, object? variables, long? timedFrom = null)
    {
        var from = timedFrom ?? Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = new("Bearer", key);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                stats.Fail(operation, $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                return null;
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                stats.Fail(operation, "GraphQL errors: " + errors.ToString());
                return null;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                stats.Fail(operation, "no data: " + root.ToString());
                return null;
            }

            stats.Took(operation, from);
            return data.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            stats.Fail(operation, $"{ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// The payload of a runtime mutation (<c>StepPayload</c>) when it has no <c>error</c> and no <c>problems</c>; else
    /// null after recording it: the harness sends only valid input, so either is a payload problem that should not happen.
    /// </summary>
    public static JsonElement? Payload(JsonElement? data, string field, RoundStats stats, string operation)
    {
        if (data is not { } value)
        {
            return null;
        }

        var payload = value.GetProperty(field);
        if (payload.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            stats.Fail(operation, "payload error: " + error.ToString());
            return null;
        }

        if (payload.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array && problems.GetArrayLength() > 0)
        {
            stats.Fail(operation, "payload problems: " + problems.ToString());
            return null;
        }

        return payload;
    }
}
