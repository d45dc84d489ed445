using System.Text.RegularExpressions;

namespace LowCode.Engine.Validation.Common;

/// <summary>What keys may look like: definition keys are URL-safe slugs, field and step keys are identifiers expressions can use.</summary>
internal static partial class KeyFormat
{
    public static bool IsDefinitionKey(string? key) => key is not null && DefinitionKey().IsMatch(key);

    public static bool IsIdentifier(string? key) => key is not null && Identifier().IsMatch(key);

    public const string DefinitionKeyHint = "Use 2-64 lower-case letters, digits and dashes, starting with a letter (e.g. 'expense-claim').";

    public const string IdentifierHint = "Use letters, digits and '_', starting with a letter, at most 64 characters (e.g. 'startDate'), so expressions can refer to it.";

    /// <summary>The closest candidate to a misspelt name, for "did you mean" hints.</summary>
    public static string? Suggest(string? text, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(text.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Candidate is not null && best.Distance <= Math.Max(2, text.Length / 3) ? best.Candidate : null;
    }

    public static string DidYouMean(string? text, IEnumerable<string> candidates) =>
        Suggest(text, candidates) is { } s ? $" Did you mean '{s}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionKey();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
