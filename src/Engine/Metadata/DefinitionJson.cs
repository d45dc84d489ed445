using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Metadata;

/// <summary>
/// Reads and writes definition JSON. Reading is strict (unknown properties are errors, so a misspelt
/// <c>visiblewhen</c> is caught rather than silently dropped); writing is canonical (camelCase, no nulls, no
/// defaults, no empty lists), so that a definition round-trips to the text its author wrote.
/// </summary>
public static partial class DefinitionJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(IDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, definition.GetType(), Options);
    }

    public static Type ClrType(DefinitionKind kind) => kind switch
    {
        DefinitionKind.Form => typeof(FormDefinition),
        DefinitionKind.Process => typeof(ProcessDefinition),
        DefinitionKind.RuleSet => typeof(RuleSetDefinition),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown definition kind."),
    };

    /// <summary>Parses a definition of <paramref name="kind"/>; a problem with its path and line when the text is not one.</summary>
    public static ParseResult Parse(DefinitionKind kind, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            if (NullScan.FindMisplacedNull(json) is { } nullProblem)
            {
                return new ParseResult(null, [nullProblem]);
            }

            var value = JsonSerializer.Deserialize(json, ClrType(kind), Options);
            return value is IDefinition definition
                ? new ParseResult(definition, [])
                : new ParseResult(null, [new ValidationProblem("$", $"Expected a {KindName(kind)} definition object but found null.", "json.null")]);
        }
        catch (JsonException ex)
        {
            return new ParseResult(null, [Describe(ex)]);
        }
    }

    public static T? Parse<T>(string json)
        where T : class, IDefinition
    {
        var kind = typeof(T) == typeof(FormDefinition) ? DefinitionKind.Form
            : typeof(T) == typeof(ProcessDefinition) ? DefinitionKind.Process
            : DefinitionKind.RuleSet;
        var result = Parse(kind, json);
        return result.Definition as T ?? throw new FormatException(string.Join(Environment.NewLine, result.Problems));
    }

    public static string KindName(DefinitionKind kind) => kind switch
    {
        DefinitionKind.Form => "form",
        DefinitionKind.Process => "process",
        _ => "rule set",
    };

    private static ValidationProblem Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = ex.Message;
        string friendly;
        string code;
        var unknown = UnmappedMember().Match(message);
        var required = MissingRequired().Match(message);
        var nullNotAllowed = NullNotAllowed().Match(message);
        var duplicate = DuplicateProperty().Match(message);
        if (unknown.Success)
        {
            friendly = $"Unknown property '{unknown.Groups["name"].Value}'. Check its spelling and letter case (properties are camelCase, e.g. 'visibleWhen').";
            code = "json.unknownProperty";
            path = ex.Path is { Length: > 0 } p && p.EndsWith("." + unknown.Groups["name"].Value, StringComparison.Ordinal)
                ? p
                : $"{path}.{unknown.Groups["name"].Value}";
        }
        else if (duplicate.Success)
        {
            var name = duplicate.Groups["name"].Value;
            friendly = $"The property '{name}' is written twice in this object; only one value can count. Keep one and delete the other.";
            code = "json.duplicateProperty";
            path = path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
        }
        else if (required.Success)
        {
            var names = required.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => $"'{n.Trim('\'')}'");
            friendly = $"Missing required property {string.Join(", ", names)}. Add it to this object.";
            code = "json.missingProperty";
        }
        else if (nullNotAllowed.Success)
        {
            friendly = $"'{nullNotAllowed.Groups["name"].Value}' cannot be null. Give it a value, or leave the property out if it is optional.";
            code = "json.nullNotAllowed";
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            friendly = $"This value has the wrong type for '{LastSegment(path)}'. {ExpectedFor(message)}";
            code = "json.wrongType";
        }
        else
        {
            friendly = $"The JSON is not well formed: {FirstSentence(message)} Fix the syntax near this position.";
            code = "json.syntax";
        }

        return new ValidationProblem(path, friendly, code)
        {
            Line = ex.LineNumber is { } line ? (int)line + 1 : null,
            Column = ex.BytePositionInLine is { } column ? (int)column + 1 : null,
        };
    }

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }

    private static string ExpectedFor(string message) =>
        message.Contains("System.String", StringComparison.Ordinal) ? "Write it as text in double quotes."
        : message.Contains("System.Int32", StringComparison.Ordinal) || message.Contains("System.Int64", StringComparison.Ordinal) ? "Write it as a whole number without quotes."
        : message.Contains("System.Double", StringComparison.Ordinal) ? "Write it as a number without quotes."
        : message.Contains("System.Boolean", StringComparison.Ordinal) ? "Write it as true or false without quotes."
        : message.Contains("ImmutableArray", StringComparison.Ordinal) ? "Write it as a list in square brackets."
        : message.Contains("ImmutableDictionary", StringComparison.Ordinal) ? "Write it as an object in curly braces."
        : "Write it as an object in curly braces.";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowTrailingCommas = false,
            AllowDuplicateProperties = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            WriteIndented = true,
            IndentSize = 2,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyCollections(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
            {
                continue;
            }

            property.ShouldSerialize = static (_, value) => value switch
            {
                null => false,
                ICollection collection => collection.Count > 0,
                IEnumerable enumerable => enumerable.GetEnumerator().MoveNext(),
                _ => true,
            };
        }
    }

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties including: (?<names>[^.]+)", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"[Dd]uplicate property '(?<name>[^']+)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"The property or field '(?<name>[^']+)' on type '[^']+' doesn't allow setting null values")]
    private static partial Regex NullNotAllowed();
}

/// <summary>A parsed definition, or the problem that kept the text from being one.</summary>
public sealed record ParseResult(IDefinition? Definition, ImmutableArray<ValidationProblem> Problems)
{
    public bool Succeeded => Definition is not null;
}
