using System.Collections.Frozen;

namespace LowCode.Engine.Metadata;

/// <summary>The field type names authors write, and what each kind allows.</summary>
public static class FieldTypes
{
    private static readonly FrozenDictionary<string, FieldType> ByName = new Dictionary<string, FieldType>(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text,
        ["textarea"] = FieldType.Textarea,
        ["number"] = FieldType.Number,
        ["integer"] = FieldType.Integer,
        ["boolean"] = FieldType.Boolean,
        ["date"] = FieldType.Date,
        ["datetime"] = FieldType.DateTime,
        ["select"] = FieldType.Select,
        ["multiselect"] = FieldType.Multiselect,
        ["email"] = FieldType.Email,
        ["url"] = FieldType.Url,
        ["file"] = FieldType.File,
        ["group"] = FieldType.Group,
        ["repeating"] = FieldType.Repeating,
        ["computed"] = FieldType.Computed,
        ["static"] = FieldType.Static,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.OrderBy(p => p.Value).Select(p => p.Key)];

    public static bool TryParse(string? name, out FieldType type) => ByName.TryGetValue(name ?? string.Empty, out type);

    public static string NameOf(FieldType type) => ByName.First(p => p.Value == type).Key;

    public static bool IsNumeric(FieldType type) => type is FieldType.Number or FieldType.Integer;

    public static bool IsTemporal(FieldType type) => type is FieldType.Date or FieldType.DateTime;

    public static bool IsTextual(FieldType type) => type is FieldType.Text or FieldType.Textarea or FieldType.Email or FieldType.Url;

    public static bool HasOptions(FieldType type) => type is FieldType.Select or FieldType.Multiselect;

    public static bool HasChildren(FieldType type) => type is FieldType.Group or FieldType.Repeating;

    /// <summary>Fields that hold no value of their own.</summary>
    public static bool IsPresentational(FieldType type) => type is FieldType.Static or FieldType.Group;
}
