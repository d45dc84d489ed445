using System.Text.Json;

namespace LowCode.Rules.Facts;

/// <summary>
/// A typed, JSON-like record the rules reason over: a fact type name plus fields whose values are
/// <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>, <see cref="string"/>,
/// lists (<see cref="IReadOnlyList{T}"/> of values), maps (<see cref="IReadOnlyDictionary{TKey,TValue}"/> of values) or other facts.
/// </summary>
/// <remarks>
/// A fact has identity: a session tracks the instance, so change it with <see cref="Set(string, object?)"/> and then
/// tell the session with <c>Update</c>. Every change bumps <see cref="Version"/>, which refraction uses to tell a real
/// change from a no-op update. Facts are not thread-safe; a fact belongs to one session at a time.
/// </remarks>
public sealed class Fact
{
    private readonly Dictionary<string, object?> _fields;

    /// <summary>Creates a fact; field values are normalised (int to long, float to double, sequences to lists, …).</summary>
    public Fact(string type, IEnumerable<KeyValuePair<string, object?>>? fields = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Id = id;
        _fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (fields is not null)
        {
            foreach (var pair in fields)
            {
                _fields[pair.Key] = FactValue.Normalize(pair.Value);
            }
        }
    }

    private Fact(string type, Dictionary<string, object?> normalisedFields, string? id)
    {
        Type = type;
        Id = id;
        _fields = normalisedFields;
    }

    /// <summary>The fact type rules match on, e.g. <c>Order</c>.</summary>
    public string Type { get; }

    /// <summary>An optional caller-chosen identity (an instance id, a task id) that traces report.</summary>
    public string? Id { get; }

    /// <summary>Incremented on every change through <see cref="Set(string, object?)"/>, <see cref="SetPath"/> or <see cref="Remove"/>.</summary>
    public long Version { get; private set; }

    /// <summary>The top-level fields.</summary>
    public IReadOnlyDictionary<string, object?> Fields => _fields;

    /// <summary>The value of a top-level field, or <c>null</c> when absent.</summary>
    public object? this[string field] => _fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>Builds a fact from a JSON object (numbers become long when integral, else double).</summary>
    public static Fact FromJson(string type, JsonElement json, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException(
                $"A fact of type '{type}' must be built from a JSON object, but the value is {json.ValueKind}.",
                nameof(json));
        }

        return new Fact(type, FactValue.FromJsonObject(json), id);
    }

    /// <summary>Parses JSON text into a fact (see <see cref="FromJson(string, JsonElement, string?)"/>).</summary>
    public static Fact Parse(string type, string json, string? id = null)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(type, document.RootElement, id);
    }

    /// <summary>Reads a field; returns false when it is absent.</summary>
    public bool TryGetField(string field, out object? value) => _fields.TryGetValue(field, out value);

    /// <summary>Sets a top-level field.</summary>
    public void Set(string field, object? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        _fields[field] = FactValue.Normalize(value);
        Version++;
    }

    /// <summary>Sets the value at a path, creating intermediate maps as needed; list indexes must exist.</summary>
    public void SetPath(FieldPath path, object? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new ArgumentException("Cannot set the empty path: it names the whole fact.", nameof(path));
        }

        FactValue.SetAtPath(_fields, path, FactValue.Normalize(value));
        Version++;
    }

    /// <summary>Removes a top-level field.</summary>
    public bool Remove(string field)
    {
        var removed = _fields.Remove(field);
        if (removed)
        {
            Version++;
        }

        return removed;
    }

    /// <summary>A compact JSON rendering, for messages and traces.</summary>
    public string ToJson() => FactValue.ToJson(_fields);

    public override string ToString() => Id is null ? $"{Type} {ToJson()}" : $"{Type}#{Id} {ToJson()}";
}
