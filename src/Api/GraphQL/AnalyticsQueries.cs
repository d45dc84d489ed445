using LowCode.Engine.Analytics;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>
/// <c>processMetrics</c>, <c>processConformance</c> and <c>ruleSetRoutingMix</c> over <see cref="ProcessAnalytics"/>, with
/// their SDL in analytics.graphql. A refused or invalid question is an error in the payload, never a GraphQL error.
/// </summary>
internal static class AnalyticsQueries
{
    public static SchemaBuilder BindAnalytics(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "processMetrics", MetricsAsync)
        .ResolveAsync("Query", "processConformance", ConformanceAsync)
        .ResolveAsync("Query", "ruleSetRoutingMix", RoutingMixAsync)
        .Resolve("ProcessMetrics", "process", ctx => ((ProcessMetrics)ctx.Parent!).Window.ProcessKey)
        .Resolve("ProcessMetrics", "from", ctx => ((ProcessMetrics)ctx.Parent!).Window.From)
        .Resolve("ProcessMetrics", "to", ctx => ((ProcessMetrics)ctx.Parent!).Window.To)
        .Resolve("ConformanceReport", "process", ctx => ((ConformanceReport)ctx.Parent!).Window.ProcessKey)
        .Resolve("ConformanceReport", "from", ctx => ((ConformanceReport)ctx.Parent!).Window.From)
        .Resolve("ConformanceReport", "to", ctx => ((ConformanceReport)ctx.Parent!).Window.To)
        .Resolve("DurationStats", "p50Ms", ctx => ((DurationStats)ctx.Parent!).P50?.TotalMilliseconds)
        .Resolve("DurationStats", "p90Ms", ctx => ((DurationStats)ctx.Parent!).P90?.TotalMilliseconds)
        .Resolve("DurationStats", "maxMs", ctx => ((DurationStats)ctx.Parent!).Max?.TotalMilliseconds)
        .Resolve("ThroughputBucket", "start", ctx => ((ThroughputBucket)ctx.Parent!).Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .Resolve("PathVariant", "medianCycleTimeMs", ctx => ((PathVariant)ctx.Parent!).MedianCycleTime.TotalMilliseconds);

    private static async Task<Payload> MetricsAsync(ResolveContext ctx)
    {
        if (Refused(ctx, out var window) is { } refused)
        {
            return refused;
        }

        var top = ctx.HasArgument("topVariants") ? ctx.GetArgument<int?>("topVariants") ?? 10 : 10;
        if (top is < 1 or > 1000)
        {
            return Payload.Failed("INVALID", "topVariants must be between 1 and 1000.");
        }

        return new Payload(await ctx.GetRequiredService<ProcessAnalytics>().MetricsAsync(window!, top, ctx.CancellationToken).ConfigureAwait(false), null, null, null);
    }

    private static async Task<Payload> ConformanceAsync(ResolveContext ctx)
    {
        if (Refused(ctx, out var window) is { } refused)
        {
            return refused;
        }

        var baseline = ctx.HasArgument("baselineRuleSetVersion") ? ctx.GetArgument<int?>("baselineRuleSetVersion") : null;
        var report = await ctx.GetRequiredService<ProcessAnalytics>().ConformanceAsync(window!, baseline, ctx.CancellationToken).ConfigureAwait(false);
        return report is null
            ? Payload.Failed("NOT_FOUND", $"No published process has the key '{window!.ProcessKey}'.")
            : new Payload(null, report, null, null);
    }

    private static async Task<Payload> RoutingMixAsync(ResolveContext ctx)
    {
        if (!AnalyticsAccess.Allows(ApiUser.Current(ctx)))
        {
            return Payload.Failed("FORBIDDEN", AnalyticsAccess.Denied);
        }

        var version = ctx.GetArgument<int>("version");
        if (version < 1)
        {
            return Payload.Failed("INVALID", "version must be a published version number (1 or more).");
        }

        var mix = await ctx.GetRequiredService<ProcessAnalytics>()
            .RoutingMixAsync(ctx.GetArgument<string>("process")!, ctx.GetArgument<string>("ruleSet")!, version, ctx.CancellationToken).ConfigureAwait(false);
        return new Payload(null, null, mix, null);
    }

    private static Payload? Refused(ResolveContext ctx, out AnalyticsWindow? window)
    {
        window = null;
        if (!AnalyticsAccess.Allows(ApiUser.Current(ctx)))
        {
            return Payload.Failed("FORBIDDEN", AnalyticsAccess.Denied);
        }

        window = new AnalyticsWindow(ctx.GetArgument<string>("process")!, ctx.GetArgument<DateTimeOffset>("from"), ctx.GetArgument<DateTimeOffset>("to"));
        return window.Problem() is { } problem ? Payload.Failed("INVALID", problem) : null;
    }

    /// <summary>One payload type behind the three payloads of the SDL: each reads the fields it declares.</summary>
    internal sealed record Payload(ProcessMetrics? Metrics, ConformanceReport? Report, RoutingMix? Mix, AnalyticsError? Error)
    {
        public static Payload Failed(string code, string message) => new(null, null, null, new AnalyticsError(code, message));
    }

    internal sealed record AnalyticsError(string Code, string Message);
}
