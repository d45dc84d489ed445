using LowCode.Engine.Metadata;

namespace LowCode.Engine.Tests.Processes;

/// <summary>Publishes a new definition version as an admin would: save a draft, publish it.</summary>
internal static class Definitions
{
    public static async Task<int> PublishAsync(RuntimeHarness h, DefinitionKind kind, string json)
    {
        var draft = await h.Database.Store.SaveDraftAsync(kind, json, null, "admin");
        Assert.True(draft.Succeeded, draft.Error is { } e ? $"{e.Message} {string.Join("; ", e.Problems)}" : null);
        var published = await h.Database.Store.PublishAsync(kind, draft.Value!.Key, draft.Value.ETag, "admin");
        Assert.True(published.Succeeded, published.Error?.Message);
        return published.Value!.Version;
    }

    public static Task<int> PublishRuleSetAsync(RuntimeHarness h, string json) => PublishAsync(h, DefinitionKind.RuleSet, json);
}
