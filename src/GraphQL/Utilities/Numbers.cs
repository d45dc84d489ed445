namespace LowCode.GraphQL.Utilities;

/// <summary>Reads any CLR number without boxing conversions through <see cref="Convert"/>.</summary>
public static class Numbers
{
    public static bool TryGetDouble(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            default: number = 0; return false;
        }
    }

    /// <summary>True for integral values (an integral double such as 1.0 counts, as in JSON).</summary>
    public static bool TryGetInteger(object? value, out long integer)
    {
        switch (value)
        {
            case int i: integer = i; return true;
            case long l: integer = l; return true;
            case short s: integer = s; return true;
            case byte b: integer = b; return true;
            case sbyte sb: integer = sb; return true;
            case ushort us: integer = us; return true;
            case uint ui: integer = ui; return true;
            case ulong ul when ul <= long.MaxValue: integer = (long)ul; return true;
            case double d when d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue: integer = (long)d; return true;
            case float f when f == MathF.Floor(f) && f >= long.MinValue && f <= long.MaxValue: integer = (long)f; return true;
            case decimal m when m == decimal.Floor(m) && m >= long.MinValue && m <= long.MaxValue: integer = (long)m; return true;
            default: integer = 0; return false;
        }
    }
}
