using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Operations.Diff;

/// <summary>
/// The changes between two JSON documents, by JSON path. Objects are compared property by property. Arrays whose items
/// are all objects identified by a unique <c>key</c>, <c>name</c> or <c>id</c> (in that order of preference, the same
/// property on both sides) are matched by that identity, so inserting a rule reports one addition rather than a change
/// of every rule after it; other arrays are compared by index. A path names the item's index in the document it exists
/// in (the later one, or the earlier one for a removal); a reordering of identified items is not a change.
/// </summary>
public static class JsonDiff
{
    private static readonly string[] Identities = ["key", "name", "id"];

    public static ImmutableArray<DefinitionChangeEntry> Compare(string before, string after)
    {
        var changes = ImmutableArray.CreateBuilder<DefinitionChangeEntry>();
        Compare("$", JsonNode.Parse(before), JsonNode.Parse(after), changes);
        return changes.ToImmutable();
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, ImmutableArray<DefinitionChangeEntry>.Builder changes)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var (name, value) in b)
                {
                    if (a.TryGetPropertyValue(name, out var other))
                    {
                        Compare(Member(path, name), value, other, changes);
                    }
                    else
                    {
                        changes.Add(new DefinitionChangeEntry(Member(path, name), DiffChange.Removed, Element(value), null));
                    }
                }

                foreach (var (name, value) in a.Where(p => !b.ContainsKey(p.Key)))
                {
                    changes.Add(new DefinitionChangeEntry(Member(path, name), DiffChange.Added, null, Element(value)));
                }

                break;
            case (JsonArray b, JsonArray a) when Identity(b, a) is { } identity:
                var earlier = b.Select((item, index) => (Id: Id(item!, identity), Item: item, Index: index)).ToDictionary(x => x.Id, StringComparer.Ordinal);
                var later = a.Select(item => Id(item!, identity)).ToHashSet(StringComparer.Ordinal);
                foreach (var (id, item, index) in earlier.Values.Where(x => !later.Contains(x.Id)).OrderBy(x => x.Index))
                {
                    changes.Add(new DefinitionChangeEntry(Index(path, index), DiffChange.Removed, Element(item), null));
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (earlier.TryGetValue(Id(a[i]!, identity), out var match))
                    {
                        Compare(Index(path, i), match.Item, a[i], changes);
                    }
                    else
                    {
                        changes.Add(new DefinitionChangeEntry(Index(path, i), DiffChange.Added, null, Element(a[i])));
                    }
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    if (i >= a.Count)
                    {
                        changes.Add(new DefinitionChangeEntry(Index(path, i), DiffChange.Removed, Element(b[i]), null));
                    }
                    else if (i >= b.Count)
                    {
                        changes.Add(new DefinitionChangeEntry(Index(path, i), DiffChange.Added, null, Element(a[i])));
                    }
                    else
                    {
                        Compare(Index(path, i), b[i], a[i], changes);
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new DefinitionChangeEntry(path, DiffChange.Changed, Element(before), Element(after)));
                }

                break;
        }
    }

    /// <summary>The first identity property every item on both sides has, as a string unique on each side.</summary>
    private static string? Identity(JsonArray before, JsonArray after)
    {
        if (before.Count + after.Count == 0 || before.Concat(after).Any(item => item is not JsonObject))
        {
            return null;
        }

        return Identities.FirstOrDefault(identity =>
            Unique(before, identity) && Unique(after, identity));

        static bool Unique(JsonArray items, string identity)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return items.All(item => ((JsonObject)item!).TryGetPropertyValue(identity, out var value)
                && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                && seen.Add(v.GetValue<string>()));
        }
    }

    private static string Id(JsonNode item, string identity) => item[identity]!.GetValue<string>();

    private static string Member(string path, string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}[{JsonSerializer.Serialize(name).Replace('"', '\'')}]";

    private static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static JsonElement? Element(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}

/// <summary>One difference: where (a JSON path), what kind, and the value before and after (null where there is none).</summary>
public sealed record DefinitionChangeEntry(string Path, DiffChange Change, JsonElement? Before, JsonElement? After);

/// <summary>What happened at a path.</summary>
public enum DiffChange
{
    /// <summary>Only the later version has it.</summary>
    Added,

    /// <summary>Only the earlier version has it.</summary>
    Removed,

    /// <summary>Both have it, with different values.</summary>
    Changed,
}
