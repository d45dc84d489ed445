using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents keyed by the SHA-256 of the query text (the key persisted-query clients send).
/// Bounded: when full it starts over, which keeps it simple and lock-free; hot documents come back on first use.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<string, PreparedDocument> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        if (capacity <= 0)
        {
            return prepare(query);
        }

        var key = Hash(query);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var prepared = prepare(query);
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, prepared);
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
