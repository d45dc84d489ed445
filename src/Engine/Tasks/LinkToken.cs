using System.Security.Cryptography;
using System.Text;

namespace LowCode.Engine.Tasks;

/// <summary>
/// External participants' link tokens: 256 random bits, URL-safe base64 (43 characters). The database keeps only the
/// SHA-256 hash, so a leaked database or backup opens no task.
/// </summary>
public static class LinkToken
{
    private const int Bytes = 32;

    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The hash the database keys the token by; a string that is not a token simply matches nothing.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
