using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents keyed by the SHA-256 of the query text (the key persisted-query clients send).
/// Bounded and approximately least-recently-used, by the CLOCK (second chance) algorithm: entries sit in a ring of
/// <c>capacity</c> slots; a hit only marks its entry as referenced (no lock, so cached requests never wait on each
/// other); when a new document needs a slot, a hand sweeps the ring, clearing marks, and evicts the first entry not
/// referenced since the hand last passed it. One entry goes per insert, never the whole cache, and a document used
/// once is evicted before documents that were reused.
/// </summary>
internal sealed class DocumentCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Entry?[] _ring;
    private readonly Lock _gate = new();
    private int _filled;
    private int _hand;

    public DocumentCache(int capacity)
    {
        _capacity = Math.Max(capacity, 0);
        _ring = new Entry?[_capacity];
    }

    public int Count => _entries.Count;

    /// <summary>Whether the document for this query text is cached (does not count as a use).</summary>
    public bool Contains(string query) => _capacity > 0 && _entries.ContainsKey(Hash(query));

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        if (_capacity == 0)
        {
            return prepare(query);
        }

        var key = Hash(query);
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Referenced = true;
            return entry.Document;
        }

        // Parsing and validating happen outside the lock so that misses do not wait on each other; two threads
        // missing on the same text both prepare it and the first to insert wins, so both return the same document.
        var prepared = prepare(query);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                entry.Referenced = true;
                return entry.Document;
            }

            var slot = TakeSlot();
            if (_ring[slot] is { } victim)
            {
                _entries.TryRemove(victim.Key, out _);
            }

            entry = new Entry(key, prepared);
            _ring[slot] = entry;
            _entries[key] = entry;
            return prepared;
        }
    }

    /// <summary>A free slot while the ring fills, then the slot of the entry to evict. Called under the lock.</summary>
    private int TakeSlot()
    {
        if (_filled < _capacity)
        {
            return _filled++;
        }

        // Hits keep setting marks while the hand sweeps; two full turns bound the sweep, then the hand's entry goes.
        for (var step = 0; step < 2 * _capacity; step++)
        {
            var candidate = _ring[_hand]!;
            if (!candidate.Referenced)
            {
                break;
            }

            candidate.Referenced = false;
            _hand = (_hand + 1) % _capacity;
        }

        var slot = _hand;
        _hand = (_hand + 1) % _capacity;
        return slot;
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

    private sealed class Entry(string key, PreparedDocument document)
    {
        public string Key { get; } = key;

        public PreparedDocument Document { get; } = document;

        /// <summary>Set by every hit, cleared by the sweeping hand; a lost race only makes the approximation coarser.</summary>
        public volatile bool Referenced;
    }
}
