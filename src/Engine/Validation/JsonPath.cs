namespace LowCode.Engine.Validation;

/// <summary>Builds the JSON paths problems are reported at: <c>$.steps[2].transitions.approved</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(this string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(this string path, int index) => $"{path}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
