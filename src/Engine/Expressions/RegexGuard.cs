using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Jint builds .NET regexes without a match timeout, so one catastrophic pattern would hang the thread.
/// Every regex a script uses is swapped for an equivalent one with the sandbox's timeout.
/// </summary>
internal static class RegexGuard
{
    private const int MaxCached = 1_024;
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Regex> Cache = new();

    public static Regex WithTimeout(Regex regex, TimeSpan timeout)
        => regex.MatchTimeout == timeout ? regex : Get(regex.ToString(), regex.Options, timeout);

    public static Regex Get(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var key = (pattern, options, timeout);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, k => new Regex(k.Pattern, k.Options, k.Timeout));
    }
}
