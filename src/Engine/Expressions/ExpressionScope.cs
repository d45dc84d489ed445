using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The variables an expression sees (form field values, fact fields) and the evaluation's clock.
/// Values are JSON data (System.Text.Json) or primitives; they become JavaScript values inside the
/// engine at each evaluation, so no CLR object ever reaches a script. Only the names an expression
/// actually references are converted. Build it once and share it for reading; it is not safe to modify
/// while another thread evaluates with it.
/// </summary>
public sealed class ExpressionScope
{
    // Most scopes hold a handful of variables (a rule condition reads two or three facts), and a scope is built for
    // every evaluation: the first few live inside the scope object itself, so building one allocates nothing else;
    // the rest go to a list searched linearly, and a dictionary is created only when a scope grows large (a whole
    // form's data).
    private const int InlineCount = 4;
    private const int IndexThreshold = 8;
    private InlineVariables _inline;
    private List<KeyValuePair<string, ScopeValue>>? _more;
    private int _count;
    private Dictionary<string, int>? _index;

    /// <summary>A scope whose <c>now()</c> and <c>today()</c> are <paramref name="now"/>, in UTC.</summary>
    public ExpressionScope(DateTimeOffset now)
    {
        Now = now;
    }

    /// <summary>A scope whose clock is <paramref name="now"/> and whose local time (<c>today()</c>, Date's local methods) is in <paramref name="timeZone"/>.</summary>
    public ExpressionScope(DateTimeOffset now, TimeZoneInfo timeZone)
        : this(now)
    {
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
    }

    /// <summary>A scope read from the host's clock (a fake one in tests and replays) in <paramref name="timeZone"/> (UTC when null).</summary>
    public static ExpressionScope FromClock(TimeProvider clock, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new ExpressionScope(clock.GetUtcNow(), timeZone ?? TimeZoneInfo.Utc);
    }

    /// <summary>The time zone of <c>today()</c> and of Date's local-time methods; UTC unless the scope was given one.</summary>
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.Utc;

    /// <summary>The instant <c>now()</c>, <c>today()</c>, <c>age()</c>, <c>Date.now()</c> and <c>new Date()</c> see; a replay with the same value gives the same answer.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The variable names set so far.</summary>
    public IEnumerable<string> Names => Enumerable.Range(0, _count).Select(i => At(i).Key);

    /// <summary>
    /// A scope with one variable per property of <paramref name="variables"/> whose name is a valid identifier, local
    /// time (<c>today()</c>) in <paramref name="timeZone"/> (UTC when null).
    /// </summary>
    public static ExpressionScope FromJson(JsonObject variables, DateTimeOffset now, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var scope = new ExpressionScope(now, timeZone ?? TimeZoneInfo.Utc);
        foreach (var (name, value) in variables)
        {
            if (IsValidName(name))
            {
                scope.Store(name, ScopeValue.FromNode(value));
            }
        }

        return scope;
    }

    /// <summary>A scope with one variable per property of the JSON object <paramref name="variables"/> whose name is a valid identifier.</summary>
    public static ExpressionScope FromJson(JsonElement variables, DateTimeOffset now)
    {
        if (variables.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Scope variables must be a JSON object.", nameof(variables));
        }

        var scope = new ExpressionScope(now);
        foreach (var property in variables.EnumerateObject())
        {
            if (IsValidName(property.Name))
            {
                scope.Store(property.Name, ScopeValue.FromElement(property.Value));
            }
        }

        return scope;
    }

    /// <summary>Sets a variable to JSON data (null means JavaScript null).</summary>
    public ExpressionScope Set(string name, JsonNode? value) => Put(name, ScopeValue.FromNode(value));

    /// <summary>Sets a variable to JSON data.</summary>
    public ExpressionScope Set(string name, JsonElement value) => Put(name, ScopeValue.FromElement(value));

    /// <summary>Sets a variable to a number.</summary>
    public ExpressionScope Set(string name, double value) => Put(name, ScopeValue.FromNumber(value));

    /// <summary>Sets a variable to a string (null means JavaScript null).</summary>
    public ExpressionScope Set(string name, string? value) => Put(name, value is null ? default : ScopeValue.FromText(value));

    /// <summary>Sets a variable to a boolean.</summary>
    public ExpressionScope Set(string name, bool value) => Put(name, ScopeValue.FromBoolean(value));

    /// <summary>True when <paramref name="name"/> can be a variable: an ASCII identifier, not a reserved word, not starting with <c>__lc</c>.</summary>
    public static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]) || name.StartsWith("__lc", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return !JavaScriptNames.ReservedWords.Contains(name);
    }

    internal bool TryGet(string name, out ScopeValue value)
    {
        var at = Find(name);
        value = at >= 0 ? At(at).Value : default;
        return at >= 0;
    }

    private int Find(string name)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var at) ? at : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(At(i).Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Store(string name, ScopeValue value)
    {
        var at = Find(name);
        if (at >= 0)
        {
            At(at) = new(name, value);
            return;
        }

        if (_count < InlineCount)
        {
            _inline[_count] = new(name, value);
        }
        else
        {
            (_more ??= []).Add(new(name, value));
        }

        _count++;
        if (_index is not null)
        {
            _index[name] = _count - 1;
        }
        else if (_count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                _index[At(i).Key] = i;
            }
        }
    }

    private ref KeyValuePair<string, ScopeValue> At(int i)
        => ref i < InlineCount ? ref _inline[i] : ref CollectionsMarshal.AsSpan(_more)[i - InlineCount];

    private ExpressionScope Put(string name, ScopeValue value)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' cannot be an expression variable: use letters, digits, _ or $, not starting with a digit, not a JavaScript reserved word.",
                nameof(name));
        }

        Store(name, value);
        return this;
    }

    [InlineArray(InlineCount)]
    private struct InlineVariables
    {
        private KeyValuePair<string, ScopeValue> _first;
    }
}
