using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;


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
            return Js(values.Sum());
        }

        if (values.Count == 0)
        {
            return JsValue.Null;
        }

        return Js(name switch
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
            return Js(rows.Count);
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

        return Js(count);
    }

    public JsValue Contains(JsValue self, JsValue[] arguments)
    {
        var haystack = Arg(arguments, 0);
        var needle = Arg(arguments, 1);
        if (haystack.IsString())
        {
            return Js(haystack.AsString().Contains(Text(needle), StringComparison.Ordinal));
        }

        if (AsObject(haystack) is JsArray)
        {
            return Js(Rows("contains", haystack).Any(item => Same(item, needle)));
        }

        return JsBoolean.False;
    }

    public JsValue Round(JsValue self, JsValue[] arguments)
    {
        var value = ToNumber(Arg(arguments, 0)) ?? throw TypeError("round", "the first argument must be a number");
        var digits = arguments.Length > 1 ? (int)TypeConverter.ToIntegerOrInfinity(arguments[1]) : 0;
        if (digits is < 0 or > 15)
        {
            throw TypeError("round", "digits must be between 0 and 15");
        }

        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e27)
        {
            return Js(Math.Round(value, digits, MidpointRounding.AwayFromZero));
        }

        // decimal keeps 1.005 as 1.005, so it rounds to 1.01 as a person would expect.
        return Js((double)Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero));
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
        return Js(result);
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
        return Js(dateOnly
            ? result.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : result.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    public JsValue Age(JsValue self, JsValue[] arguments)
    {
        var born = Date("age", Arg(arguments, 0));
        var asOf = arguments.Length > 1 ? Date("age", arguments[1]) : _sandbox.Time.Now.UtcDateTime;
        return Js(Math.Truncate(WholeMonths(born, asOf) / 12));
    }

    public JsValue Matches(JsValue self, JsValue[] arguments)
    {
        var value = Arg(arguments, 0);
        if (value.IsUndefined() || value.IsNull())
        {
            return JsBoolean.False;
        }

        var pattern = Text(Arg(arguments, 1));
        if (pattern.Length > _sandbox.Limits.MaxRegexPatternLength)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"A regular expression pattern is longer than {_sandbox.Limits.MaxRegexPatternLength} characters.", "Use a shorter pattern.");
        }

        var flags = arguments.Length > 2 ? Text(arguments[2]) : string.Empty;
        var options = RegexOptions.CultureInvariant
            | (flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None)
            | (flags.Contains('m', StringComparison.Ordinal) ? RegexOptions.Multiline : RegexOptions.None);
        Regex regex;
        try
        {
            // The non-backtracking engine runs in linear time (the pattern and the text are both capped), so it needs no
            // timeout, and a valid match never fails because the machine is busy; patterns it cannot handle still get one.
            regex = RegexGuard.Get(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            regex = CompileOrThrow(pattern, options);
        }
        catch (ArgumentException e)
        {
            throw TypeError("matches", "invalid pattern: " + e.Message);
        }

        return Js(regex.IsMatch(Text(value)));
    }

    public static JsValue MapText(string name, JsValue[] arguments, Func<string, string> map)
    {
        var value = Arg(arguments, 0);
        return value.IsUndefined() || value.IsNull() ? Js(string.Empty) : Js(map(Text(value)));
    }

    public static JsValue Length(JsValue self, JsValue[] arguments)
    {
        var value = Arg(arguments, 0);
        if (AsObject(value) is JsArray array)
        {
            return Js(array.Length);
        }

        return Js(Text(value).Length);
    }

    public static JsValue Slice(JsValue[] arguments, bool fromStart)
    {
        var text = Text(Arg(arguments, 0));
        var count = (int)Math.Clamp(TypeConverter.ToIntegerOrInfinity(Arg(arguments, 1)), 0, text.Length);
        return Js(fromStart ? text[..count] : text[(text.Length - count)..]);
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
            _sandbox.CheckString(text.Length);
        }

        return Js(text.ToString());
    }

    private Regex CompileOrThrow(string pattern, RegexOptions options)
    {
        try
        {
            return RegexGuard.Get(pattern, options, _sandbox.Limits.RegexTimeout);
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

        if (AsObject(value) is not JsArray array)
        {
            throw TypeError(name, $"the first argument must be an array (a list or table), but it is {Describe(value)}");
        }

        var length = array.Length;
        var rows = new List<JsValue>((int)length);
        for (uint i = 0; i < length; i++)
        {
            rows.Add(array.TryGetValue(i, out var item) ? item : JsValue.Undefined);
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
        if (AsObject(value) is JsDate date && !double.IsNaN(date.DateValue))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue).UtcDateTime;
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
        _ => value.AsObject() is JsArray ? "an array" : "an object",
    };

    private JavaScriptException TypeError(string helper, string problem) => new(Engine.Intrinsics.TypeError, $"{helper}(): {problem}.");
}
