using LowCode.Engine.Processes;

namespace LowCode.Api.Hosting;

/// <summary>Reads the process runtime's options from <c>LowCode:Runtime</c> (e.g. <c>"TimeZone": "Europe/Berlin"</c>).</summary>
internal static class RuntimeConfiguration
{
    /// <summary>
    /// The runtime's test seams. <c>LowCode:Runtime:FaultSplitStepCommit</c> is a deliberate fault for the
    /// crash-safety harness (bench/CrashSafety) only: it commits each completion in two transactions.
    /// </summary>
    public static RuntimeHooks Hooks(IConfiguration configuration) =>
        new() { SplitStepCommit = configuration.GetValue("LowCode:Runtime:FaultSplitStepCommit", false) };

    public static RuntimeOptions Options(IConfiguration configuration)
    {
        var zone = configuration["LowCode:Runtime:TimeZone"];
        var options = new RuntimeOptions { Boundaries = BoundaryConfiguration.Read(configuration) };
        if (string.IsNullOrWhiteSpace(zone))
        {
            return options;
        }

        // A wrong zone name must stop the start-up with a message that says what to write, not fall back silently.
        options.TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found)
            ? found
            : throw new InvalidOperationException($"LowCode:Runtime:TimeZone is '{zone}', which is not a time zone this machine knows. Use an IANA name such as 'Europe/Berlin' or 'UTC'.");
        return options;
    }
}
