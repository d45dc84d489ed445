using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Date;
using Jint.Runtime;
using static LowCode.Engine.Expressions.HelperLibrary;

namespace LowCode.Engine.Expressions;

/// <summary>The helper implementations, bound to one engine (they need it to build values and raise errors).</summary>
internal sealed class Helpers
{
    private readonly SandboxEngine _sandbox;

    public Helpers(SandboxEngine sandbox)
    {
        _sandbox = sandbox;
    }

    private Jint.Engine Engine => _sandbox.Engine;

    private EvaluationState State => _sandbox.State;

    public static JsValue Get(JsValue self, JsValue[] arguments)
    {
        var current = Arg(arguments, 0);
        var fallback = arguments.Length > 2 ? arguments[2] : JsValue.Null;
        var path = Text(Arg(arguments, 1));
        foreach (var part in path.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (AsObject(current) is not { } target)
            {
                return fallback;
            }

            current = target.Get(part);
        }

        return current.IsUndefined() || current.IsNull() ? fallback : current;
    }

    public static JsValue Coalesce(JsValue self, JsValue[] arguments)
    {
        foreach (var argument in arguments)
        {
            if (!IsEmpty(argument) || argument.IsObject())
            {
                return argument;
            }
        }

        return JsValue.Null;
    }

    /// <summary>sum/min/max/avg over an array of numbers, or over one field (a path) of each row of a table.</summary>
    public JsValue Aggregate(string name, JsValue[] arguments)
    {
        var values = Numbers(name, arguments);
        if (name == "sum")
        {
            return new JsValue(values.Sum());
        }

        if (values.Count == 0)
        {
            return JsValue.Null;
        }

        return new JsValue(name switch
        {
            "min" => values.Min(),
            "max" => values.Max(),
            _ => values.Average(),
        });
    }

    public JsValue Count(JsValue self, JsValue[] arguments)
    {
        var rows = Rows("count", Arg(arguments, 0));
        if (arguments.Length < 2)
        {
            return new JsValue(rows.Count);
        }

        var path = Text(arguments[1]);
        var count = 0;
        foreach (var row in rows)
        {
            var value = Field(row, path);
            if (arguments.Length > 2 ? Same(value, arguments[2]) : !IsEmpty(value))
            {
                count++;
            }
        }

        return new JsValue(count);
    }

    public JsValue Contains(JsValue self, JsValue[] arguments)
    {
        var haystack = Arg(arguments, 0);
        var needle = Arg(arguments, 1);
        if (haystack.IsString())
        {
            return new JsValue(haystack.AsString().Contains(Text(needle), StringComparison.Ordinal));
        }

        if (AsObject(haystack) is ArrayInstance)
        {
            return new JsValue(Rows("contains", haystack).Any(item => Same(item, needle)));
        }

        return JsValue.False;
    }

    public JsValue Round(JsValue self, JsValue[] arguments)
    {
        var value = ToNumber(Arg(arguments, 0)) ?? throw TypeError("round", "the first argument must be a number");
        var digits = arguments.Length > 1 ? (int)TypeConverter.ToInteger(arguments[1]) : 0;
        if (digits is < 0 or > 15)
        {
            throw TypeError("round", "digits must be between 0 and 15");
        }

        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e27)
        {
            return new JsValue(Math.Round(value, digits, MidpointRounding.AwayFromZero));
        }

        // decimal keeps 1.005 as 1.005, so it rounds to 1.01 as a person would expect.
        return new JsValue((double)Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero));
    }

    public JsValue DateDiff(JsValue self, JsValue[] arguments)
    {
        var from = Date("dateDiff", Arg(arguments, 0));
        var to = Date("dateDiff", Arg(arguments, 1));
        var unit = arguments.Length > 2 ? Text(arguments[2]) : "days";
        double result = unit switch
        {
            "days" => (to.Date - from.Date).TotalDays,
            "hours" => (to - from).TotalHours,
            "minutes" => (to - from).TotalMinutes,
            "seconds" => (to - from).TotalSeconds,
            "weeks" => Math.Truncate((to.Date - from.Date).TotalDays / 7),
            "months" => WholeMonths(from, to),
            "years" => Math.Truncate(WholeMonths(from, to) / 12),
            _ => throw TypeError("dateDiff", $"unknown unit '{unit}': use days, hours, minutes, seconds, weeks, months or years"),
        };
        return new JsValue(result);
    }

    public JsValue AddDays(JsValue[] arguments, bool months)
    {
        var name = months ? "addMonths" : "addDays";
        var input = Arg(arguments, 0);
        var date = Date(name, input);
        var amount = ToNumber(Arg(arguments, 1)) ?? throw TypeError(name, "the second argument must be a number");
        if (Math.Abs(amount) > 1_000_000)
        {
            throw TypeError(name, "the amount is out of range");
        }

        var result = months ? date.AddMonths((int)amount) : date.AddDays(amount);
        var dateOnly = input.IsString() && input.AsString().Trim().Length == 10;
        return new JsValue(dateOnly
            ? result.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : result.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    public JsValue Age(JsValue self, JsValue[] arguments)
    {
        var born = Date("age", Arg(arguments, 0));
        var asOf = arguments.Length > 1 ? Date("age", arguments[1]) : State.Now.UtcDateTime;
        return new JsValue(Math.Truncate(WholeMonths(born, asOf) / 12));
    }

    public JsValue Matches(JsValue self, JsValue[] arguments)
    {
        var value = Arg(arguments, 0);
        if (value.IsUndefined() || value.IsNull())
        {
            return JsValue.False;
        }

        var pattern = Text(Arg(arguments, 1));
        if (pattern.Length > State.Limits.MaxRegexPatternLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"A regular expression pattern is longer than {State.Limits.MaxRegexPatternLength} characters.", "Use a shorter pattern.");
        }

        var flags = arguments.Length > 2 ? Text(arguments[2]) : string.Empty;
        var options = RegexOptions.CultureInvariant
            | (flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None)
            | (flags.Contains('m', StringComparison.Ordinal) ? RegexOptions.Multiline : RegexOptions.None);
        Regex regex;
        try
        {
            // The non-backtracking engine runs in linear time; patterns it cannot handle still get the timeout.
            regex = RegexGuard.Get(pattern, options | RegexOptions.NonBacktracking, State.Limits.RegexTimeout);
        }
        catch (NotSupportedException)
        {
            regex = CompileOrThrow(pattern, options);
        }
        catch (ArgumentException e)
        {
            throw TypeError("matches", "invalid pattern: " + e.Message);
        }

        return new JsValue(regex.IsMatch(Text(value)));
    }

    public static JsValue MapText(string name, JsValue[] arguments, Func<string, string> map)
    {
        var value = Arg(arguments, 0);
        return value.IsUndefined() || value.IsNull() ? new JsValue(string.Empty) : new JsValue(map(Text(value)));
    }

    public static JsValue Length(JsValue self, JsValue[] arguments)
    {
        var value = Arg(arguments, 0);
        if (AsObject(value) is ArrayInstance array)
        {
            return array.Get("length");
        }

        return new JsValue(Text(value).Length);
    }

    public static JsValue Slice(JsValue[] arguments, bool fromStart)
    {
        var text = Text(Arg(arguments, 0));
        var count = (int)Math.Clamp(TypeConverter.ToInteger(Arg(arguments, 1)), 0, text.Length);
        return new JsValue(fromStart ? text[..count] : text[(text.Length - count)..]);
    }

    public JsValue Join(JsValue self, JsValue[] arguments)
    {
        var rows = Rows("join", Arg(arguments, 0));
        var separator = arguments.Length > 1 && !arguments[1].IsUndefined() ? Text(arguments[1]) : ", ";
        var path = arguments.Length > 2 ? Text(arguments[2]) : null;
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var value = path is null ? row : Field(row, path);
            if (IsEmpty(value))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(Text(value));
            State.CheckString(text.Length);
        }

        return new JsValue(text.ToString());
    }

    private Regex CompileOrThrow(string pattern, RegexOptions options)
    {
        try
        {
            return RegexGuard.Get(pattern, options, State.Limits.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw TypeError("matches", "invalid pattern: " + e.Message);
        }
    }

    private List<double> Numbers(string name, JsValue[] arguments)
    {
        var rows = Rows(name, Arg(arguments, 0));
        var path = arguments.Length > 1 ? Text(arguments[1]) : null;
        var values = new List<double>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = path is null ? rows[i] : Field(rows[i], path);
            if (IsEmpty(value))
            {
                continue;
            }

            values.Add(ToNumber(value) ?? throw TypeError(name, path is null
                ? $"item {i} is {Describe(value)}, not a number"
                : $"row {i} has {Describe(value)} in '{path}', not a number"));
        }

        return values;
    }

    private List<JsValue> Rows(string name, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return [];
        }

        if (AsObject(value) is not ArrayInstance array)
        {
            throw TypeError(name, $"the first argument must be an array (a list or table), but it is {Describe(value)}");
        }

        var length = TypeConverter.ToUint32(array.Get("length"));
        State.CheckArray(length);
        var rows = new List<JsValue>((int)length);
        for (uint i = 0; i < length; i++)
        {
            rows.Add(ArrayAccess.Get(array, i));
        }

        return rows;
    }

    private static JsValue Field(JsValue row, string path)
    {
        var current = row;
        foreach (var part in path.Split('.'))
        {
            if (AsObject(current) is not { } target)
            {
                return JsValue.Undefined;
            }

            current = target.Get(part);
        }

        return current;
    }

    private DateTime Date(string name, JsValue value)
    {
        if (AsObject(value) is DateInstance date && !double.IsNaN(date.PrimitiveValue))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)date.PrimitiveValue).UtcDateTime;
        }

        if (value.IsNumber() && double.IsFinite(value.AsNumber()) && Math.Abs(value.AsNumber()) < 8.64e15)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)value.AsNumber()).UtcDateTime;
        }

        if (value.IsString() && DateTimeOffset.TryParse(value.AsString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        throw TypeError(name, $"expected a date (e.g. '2024-05-31'), but got {Describe(value)}");
    }

    private static double WholeMonths(DateTime from, DateTime to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (months > 0 && to < from.AddMonths(months))
        {
            months--;
        }
        else if (months < 0 && to > from.AddMonths(months))
        {
            months++;
        }

        return months;
    }

    private static bool Same(JsValue left, JsValue right)
    {
        return left.Type switch
        {
            _ when left.Type != right.Type => false,
            Types.Number => left.AsNumber().Equals(right.AsNumber()),
            Types.String => string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal),
            Types.Boolean => left.AsBoolean() == right.AsBoolean(),
            Types.Object => ReferenceEquals(left.AsObject(), right.AsObject()),
            _ => true,
        };
    }

    private static string Describe(JsValue value) => value.Type switch
    {
        Types.Undefined => "undefined",
        Types.Null => "null",
        Types.String => "the string \"" + (value.AsString().Length > 30 ? value.AsString()[..30] + "..." : value.AsString()) + "\"",
        Types.Number => "the number " + TypeConverter.ToString(value),
        Types.Boolean => value.AsBoolean() ? "true" : "false",
        _ => value.AsObject() is ArrayInstance ? "an array" : "an object",
    };

    private JavaScriptException TypeError(string helper, string problem) => new(Engine.TypeError, $"{helper}(): {problem}.");
}
