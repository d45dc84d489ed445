namespace LowCode.LoadHarness;

/// <summary>
/// One client of the viewer and evaluate modes: the same read again and again, each answer checked, so a round shows
/// what one request costs with no completion behind it.
/// </summary>
internal sealed class SingleRequestFlow(HttpClient http, string userKey, LoadMode mode, RoundStats stats)
{
    /// <summary>The operations these modes time, for the latency columns.</summary>
    public static readonly string[] Operations = ["viewer", "evaluateForm"];

    private const string Viewer = "{ viewer { id } }";
    private const string Evaluate = "query($key: String!, $data: JSON!) { evaluateForm(key: $key, data: $data) { valid values fields { path visible required } errors { path code message } } }";

    /// <summary>False when the request failed.</summary>
    public async Task<bool> RunAsync(Random random)
    {
        if (mode == LoadMode.Viewer)
        {
            var data = await GraphQLCaller.PostAsync(http, userKey, stats, "viewer", Viewer, variables: null);
            if (data is not { } value)
            {
                return false;
            }

            if (value.GetProperty("viewer").GetProperty("id").GetString() is not { Length: > 0 })
            {
                stats.Fail("viewer", $"viewer should name the caller: {value}");
                return false;
            }

            return true;
        }

        var evaluated = await GraphQLCaller.PostAsync(http, userKey, stats, "evaluateForm", Evaluate, new { key = LoadDefinitions.Process, data = LoadDefinitions.Claim(random) });
        if (evaluated is not { } result)
        {
            return false;
        }

        var evaluation = result.GetProperty("evaluateForm");
        if (!evaluation.GetProperty("valid").GetBoolean())
        {
            stats.Fail("evaluateForm", $"a valid claim should evaluate as valid: {evaluation}");
            return false;
        }

        return true;
    }
}
