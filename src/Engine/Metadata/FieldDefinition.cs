using System.Collections.Immutable;
using System.Text.Json;

namespace LowCode.Engine.Metadata;

/// <summary>
/// One form field. <see cref="Type"/> stays the author's text so that an unknown type can be reported with its
/// JSON path instead of failing deserialisation; <see cref="FieldType"/> is the parsed kind.
/// </summary>
public sealed record FieldDefinition
{
    public required string Key { get; init; }

    public required string Type { get; init; }

    public string? Label { get; init; }

    public string? Help { get; init; }

    public string? Placeholder { get; init; }

    public bool Required { get; init; }

    /// <summary>Smallest number (number, integer) or earliest date (date, datetime as ISO text in <see cref="MinDate"/>).</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? MinDate { get; init; }

    public string? MaxDate { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression the whole value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>Shown when <see cref="Pattern"/> does not match.</summary>
    public string? PatternMessage { get; init; }

    public ImmutableArray<FieldOption> Options { get; init; } = [];

    public JsonElement? Default { get; init; }

    public string? VisibleWhen { get; init; }

    public string? RequiredWhen { get; init; }

    public string? ReadonlyWhen { get; init; }

    /// <summary>The expression a computed field shows; computed fields are always read-only.</summary>
    public string? Computed { get; init; }

    /// <summary>Children of a group or the columns of a repeating group.</summary>
    public ImmutableArray<FieldDefinition> Fields { get; init; } = [];

    public int? MinRows { get; init; }

    public int? MaxRows { get; init; }

    /// <summary>Markdown shown by a static content field.</summary>
    public string? Content { get; init; }

    /// <summary>Accepted media types or extensions for a file field (e.g. <c>application/pdf</c>, <c>.png</c>).</summary>
    public ImmutableArray<string> Accept { get; init; } = [];

    public long? MaxSizeBytes { get; init; }
}
