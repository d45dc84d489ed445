using LowCode.Rules.Facts;

namespace LowCode.Rules.Tests.Support;

/// <summary>Short-hand for building facts in tests.</summary>
internal static class TestFacts
{
    public static Fact Make(string type, params (string Name, object? Value)[] fields) =>
        new(type, fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)));

    public static Fact MakeWithId(string type, string id, params (string Name, object? Value)[] fields) =>
        new(type, fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)), id);
}
