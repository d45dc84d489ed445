using System.Security.Cryptography;
using System.Text;

namespace LowCode.Api.Identity;

/// <summary>
/// The text of an API key, <c>lc_&lt;id&gt;_&lt;secret&gt;</c>: a 12-hex-digit id that finds the stored row, and 32 random
/// bytes. Only the SHA-256 of the whole text is stored; the secret has full entropy, so a slow hash would add nothing.
/// </summary>
internal static class ApiKeyToken
{
    public const string Prefix = "lc_";
    private const int IdLength = 12;

    public static (string Id, string Token) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    public static bool LooksLikeKey(string token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The id inside a key's text, or null when the text is not shaped like a key.</summary>
    public static string? IdOf(string token) =>
        token.Length > Prefix.Length + IdLength + 1 && LooksLikeKey(token) && token[Prefix.Length + IdLength] == '_'
            ? token.Substring(Prefix.Length, IdLength)
            : null;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
