using System.Collections.Concurrent;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Tests.Execution;

public sealed class DocumentCacheTests
{
    private readonly ConcurrentDictionary<string, int> _prepared = new(StringComparer.Ordinal);

    private PreparedDocument Prepare(string query)
    {
        _prepared.AddOrUpdate(query, 1, (_, count) => count + 1);
        return new PreparedDocument(new DocumentNode([]), []);
    }

    private static bool[] Cached(DocumentCache cache, params string[] queries) => [.. queries.Select(cache.Contains)];

    [Fact]
    public void GetOrAdd_WhenFull_EvictsTheEntryNotUsedSinceTheHandPassed()
    {
        var cache = new DocumentCache(3);
        cache.GetOrAdd("A", Prepare);
        cache.GetOrAdd("B", Prepare);
        cache.GetOrAdd("C", Prepare);
        cache.GetOrAdd("A", Prepare);

        cache.GetOrAdd("D", Prepare);
        Assert.Equal([true, false, true, true], Cached(cache, "A", "B", "C", "D"));

        cache.GetOrAdd("E", Prepare);
        Assert.Equal([true, false, false, true, true], Cached(cache, "A", "B", "C", "D", "E"));

        // A's mark was spent when the hand passed it for D; unused since, it is now the oldest entry.
        cache.GetOrAdd("F", Prepare);
        Assert.Equal([false, true, true, true], Cached(cache, "A", "D", "E", "F"));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void GetOrAdd_ReusedDocument_SurvivesAStreamOfOneOffDocuments()
    {
        var cache = new DocumentCache(4);
        var hot = cache.GetOrAdd("hot", Prepare);
        for (var i = 0; i < 50; i++)
        {
            Assert.Same(hot, cache.GetOrAdd("hot", Prepare));
            cache.GetOrAdd($"one-off {i}", Prepare);
        }

        Assert.True(cache.Contains("hot"));
        Assert.Equal(1, _prepared["hot"]);
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void GetOrAdd_WhenFull_EvictsOneEntryAndNeverFlushes()
    {
        var cache = new DocumentCache(100);
        for (var i = 0; i < 100; i++)
        {
            cache.GetOrAdd($"q{i}", Prepare);
        }

        cache.GetOrAdd("one more", Prepare);

        Assert.Equal(100, cache.Count);
        Assert.Equal(99, Enumerable.Range(0, 100).Count(i => cache.Contains($"q{i}")));
    }

    [Fact]
    public void GetOrAdd_Hit_ReturnsTheSameDocumentWithoutPreparingAgain()
    {
        var cache = new DocumentCache(10);
        var first = cache.GetOrAdd("{ a }", Prepare);
        var second = cache.GetOrAdd("{ a }", Prepare);
        Assert.Same(first, second);
        Assert.Equal(1, _prepared["{ a }"]);
    }

    [Fact]
    public void GetOrAdd_WithCapacityZero_PreparesEveryTimeAndKeepsNothing()
    {
        var cache = new DocumentCache(0);
        cache.GetOrAdd("{ a }", Prepare);
        cache.GetOrAdd("{ a }", Prepare);
        Assert.Equal(2, _prepared["{ a }"]);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void GetOrAdd_FromManyThreadsWithOverlappingKeys_StaysBoundedAndReturnsEachKeysDocument()
    {
        const int capacity = 32;
        var cache = new DocumentCache(capacity);
        var owners = new ConcurrentDictionary<PreparedDocument, string>(ReferenceEqualityComparer.Instance);
        var keysPerThread = Enumerable.Range(0, 16).Select(t => new Random(t)).ToList();

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, thread =>
        {
            var random = keysPerThread[thread];
            for (var i = 0; i < 4_000; i++)
            {
                // A skewed key space: a few hot keys everyone shares, many cold ones.
                var key = random.Next(4) == 0 ? $"cold {random.Next(500)}" : $"hot {random.Next(8)}";
                var document = cache.GetOrAdd(key, k =>
                {
                    var prepared = Prepare(k);
                    owners[prepared] = k;
                    return prepared;
                });
                Assert.Equal(key, owners[document]);
                Assert.InRange(cache.Count, 1, capacity);
            }
        });

        Assert.InRange(cache.Count, 1, capacity);
    }
}
