using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Operations.Erasure;

namespace LowCode.Api.Hosting;

/// <summary>
/// Reads the per-process retention periods from <c>LowCode:Retention</c>: <c>Processes:&lt;processKey&gt;</c> is an
/// ISO-8601 duration (<c>"P365D"</c>) after which an ended instance of that process is erased, and <c>Interval</c>
/// (default <c>PT1H</c>) is how often the hosted service looks.
/// </summary>
internal static class RetentionConfiguration
{
    public static RetentionOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("LowCode:Retention");
        var periods = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var process in section.GetSection("Processes").GetChildren())
        {
            periods[process.Key] = Duration($"LowCode:Retention:Processes:{process.Key}", process.Value);
        }

        var interval = section["Interval"] is { } text ? Duration("LowCode:Retention:Interval", text) : TimeSpan.FromHours(1);
        return new RetentionOptions { Periods = periods.ToImmutable(), Interval = interval };
    }

    // A wrong period must stop the start-up with what to write, never erase on a guess or silently keep data.
    private static TimeSpan Duration(string key, string? text) =>
        IsoDuration.TryParse(text, out var duration, out var error) && duration > TimeSpan.Zero
            ? duration
            : throw new InvalidOperationException($"{key} is '{text}', which is not a positive ISO-8601 duration ({error ?? "zero"}). Write one such as 'P365D' or 'PT12H'.");
}
