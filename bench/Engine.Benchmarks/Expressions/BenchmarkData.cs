using System.Globalization;
using System.Text;
using System.Text.Json;
using LowCode.Engine.Expressions;

namespace LowCode.Engine.Benchmarks.Expressions;

/// <summary>The inputs every expression benchmark shares, so the sandbox and raw Jint see the same data.</summary>
internal static class BenchmarkData
{
    public const string Condition = "amount > 1000 && region === \"EU\"";

    /// <summary>The computed field written with a helper, as citizen developers write it.</summary>
    public const string TableWithHelper = "round(sum(lines, 'amount') * 1.2, 2)";

    /// <summary>The same computation with an ES5 callback.</summary>
    public const string TableWithCallback = "lines.reduce(function (t, l) { return t + l.qty * l.price; }, 0)";

    /// <summary>The same computation as citizen developers now write it (ES2020).</summary>
    public const string TableWithArrow = "lines.reduce((t, l) => t + l.qty * l.price, 0)";

    public static readonly DateTimeOffset Now = new(2024, 5, 31, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The limits both sides run under: the sandbox's defaults (a 5 s backstop).</summary>
    public static ExpressionLimits Limits { get; } = ExpressionLimits.Default;

    public static JsonElement Lines { get; } = BuildLines();

    private static JsonElement BuildLines()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < 50; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{{\"sku\":\"SKU-{i}\",\"qty\":{i % 7 + 1},\"price\":{i * 1.5 + 2},\"amount\":{(i % 7 + 1) * (i * 1.5 + 2)}}}");
        }

        using var document = JsonDocument.Parse(json.Append(']').ToString());
        return document.RootElement.Clone();
    }
}
