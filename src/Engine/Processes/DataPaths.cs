using System.Text.Json.Nodes;

namespace LowCode.Engine.Processes;

/// <summary>Writes into instance data by dotted path (<c>approval.level</c>), creating objects on the way.</summary>
internal static class DataPaths
{
    public static void Set(JsonObject data, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = data;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is not JsonObject next)
            {
                next = [];
                target[parts[i]] = next;
            }

            target = next;
        }

        target[parts[^1]] = value;
    }

    /// <summary>Copies every property of <paramref name="values"/> into <paramref name="data"/> at the same key.</summary>
    public static void Merge(JsonObject data, JsonObject values)
    {
        foreach (var (key, value) in values)
        {
            data[key] = value?.DeepClone();
        }
    }
}
