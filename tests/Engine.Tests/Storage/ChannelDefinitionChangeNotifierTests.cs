using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Storage;

public sealed class ChannelDefinitionChangeNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Subscribe_BeforeReading_KeepsChangesPublishedInBetween()
    {
        var notifier = new ChannelDefinitionChangeNotifier();
        using var cts = new CancellationTokenSource(Patience);
        var changes = notifier.Subscribe(null, null, cts.Token);

        notifier.Publish(Change(DefinitionChangeKind.DraftSaved, DefinitionKind.Form, "a"));
        notifier.Publish(Change(DefinitionChangeKind.Published, DefinitionKind.Form, "a", version: 1));

        var received = await TakeAsync(changes, 2, cts.Token);
        Assert.Equal([DefinitionChangeKind.DraftSaved, DefinitionChangeKind.Published], received.Select(c => c.Change));
    }

    [Fact]
    public async Task Subscribe_WithKindAndKey_SeesOnlyThatDefinition()
    {
        var notifier = new ChannelDefinitionChangeNotifier();
        using var cts = new CancellationTokenSource(Patience);
        var changes = notifier.Subscribe(DefinitionKind.Form, "a", cts.Token);

        notifier.Publish(Change(DefinitionChangeKind.DraftSaved, DefinitionKind.Form, "b"));
        notifier.Publish(Change(DefinitionChangeKind.DraftSaved, DefinitionKind.RuleSet, "a"));
        notifier.Publish(Change(DefinitionChangeKind.Retired, DefinitionKind.Form, "a", version: 3));

        var received = Assert.Single(await TakeAsync(changes, 1, cts.Token));
        Assert.Equal((DefinitionChangeKind.Retired, DefinitionKind.Form, "a", 3), (received.Change, received.Kind, received.Key, received.Version));
    }

    [Fact]
    public async Task SlowSubscriber_PastItsCapacity_LosesTheOldestAndDoesNotBlockTheWriter()
    {
        var notifier = new ChannelDefinitionChangeNotifier(capacity: 2);
        using var cts = new CancellationTokenSource(Patience);
        var changes = notifier.Subscribe(null, null, cts.Token);

        for (var version = 1; version <= 5; version++)
        {
            notifier.Publish(Change(DefinitionChangeKind.Published, DefinitionKind.Form, "a", version));
        }

        Assert.Equal(3, notifier.DroppedChanges);
        var received = await TakeAsync(changes, 2, cts.Token);
        Assert.Equal([4, 5], received.Select(c => c.Version));
    }

    [Fact]
    public async Task DisposingTheEnumerator_RemovesTheSubscriber()
    {
        var notifier = new ChannelDefinitionChangeNotifier();
        using var cts = new CancellationTokenSource(Patience);
        var enumerator = notifier.Subscribe(null, null, cts.Token).GetAsyncEnumerator(cts.Token);
        notifier.Publish(Change(DefinitionChangeKind.DraftSaved, DefinitionKind.Form, "a"));
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, notifier.SubscriberCount);

        await enumerator.DisposeAsync();

        Assert.Equal(0, notifier.SubscriberCount);
    }

    [Fact]
    public async Task CancellingTheToken_RemovesASubscriberThatNeverRead()
    {
        var notifier = new ChannelDefinitionChangeNotifier();
        using var cts = new CancellationTokenSource();
        _ = notifier.Subscribe(null, null, cts.Token);
        Assert.Equal(1, notifier.SubscriberCount);

        await cts.CancelAsync();

        Assert.Equal(0, notifier.SubscriberCount);
    }

    [Fact]
    public async Task ManyWritersAndSubscribers_EverySubscriberGetsEveryChange()
    {
        var notifier = new ChannelDefinitionChangeNotifier(capacity: 1000);
        using var cts = new CancellationTokenSource(Patience);
        var subscribers = Enumerable.Range(0, 4).Select(_ => notifier.Subscribe(null, null, cts.Token)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                notifier.Publish(Change(DefinitionChangeKind.DraftSaved, DefinitionKind.Form, $"w{writer}", i));
            }
        })));

        foreach (var subscriber in subscribers)
        {
            var received = await TakeAsync(subscriber, 800, cts.Token);
            Assert.Equal(800, received.Select(c => (c.Key, c.Version)).Distinct().Count());
            Assert.All(received.GroupBy(c => c.Key), g => Assert.Equal(Enumerable.Range(0, 100), g.Select(c => c.Version)));
        }

        Assert.Equal(0, notifier.DroppedChanges);
    }

    private static DefinitionChange Change(DefinitionChangeKind change, DefinitionKind kind, string key, int version = 0) =>
        new(change, kind, key, version, "ada", DateTime.UnixEpoch, new DefinitionVersion(
            kind, key, version, DefinitionStatus.Draft, key, new FormDefinition { Key = key, Name = key }, "{}", "etag", "ada", DateTime.UnixEpoch, "ada", DateTime.UnixEpoch, null, null));

    private static async Task<List<DefinitionChange>> TakeAsync(IAsyncEnumerable<DefinitionChange> changes, int count, CancellationToken cancellationToken)
    {
        var received = new List<DefinitionChange>();
        await foreach (var change in changes.WithCancellation(cancellationToken))
        {
            received.Add(change);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }
}
