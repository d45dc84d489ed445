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

    /// <summary>The same computation in plain ES5, runnable by raw Jint too.</summary>
    public const string TableWithCallback = "lines.reduce(function (t, l) { return t + l.qty * l.price; }, 0)";

    public static readonly DateTimeOffset Now = new(2024, 5, 31, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The limits both sides run under. The wall-clock limit is raised from 50 ms because a first (JIT) call on a
    /// loaded machine can exceed it; its per-statement check costs the same whatever its value.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static ExpressionLimits Limits { get; } = ExpressionLimits.Default with { Timeout = Timeout };

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
