using LowCode.Engine.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LowCode.Api.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core requests (rate, latency) and the engine's <see cref="LowCodeMetrics"/>
/// (completions, decisions, outbox backlog, timer lag, webhook failures). <c>LowCode:Telemetry:Exporter</c> picks where
/// they go: <c>none</c> (the default: not collected), <c>console</c>, or <c>otlp</c> (endpoint from the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
/// <remarks>
/// With <c>none</c> no OpenTelemetry provider is registered: a tracer provider with ASP.NET Core instrumentation
/// makes every request start and enrich an activity, work nobody would read. The engine's meter still records for
/// any other listener (dotnet-counters, a test's MeterListener).
/// </remarks>
internal static class TelemetryConfiguration
{
    public static IServiceCollection AddLowCodeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = (configuration["LowCode:Telemetry:Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter is not ("none" or "console" or "otlp"))
        {
            throw new InvalidOperationException($"LowCode:Telemetry:Exporter is '{exporter}'; use none, console or otlp.");
        }

        if (exporter == "none")
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("LowCode.Api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(LowCodeMetrics.Name);
                _ = exporter == "console" ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddSource(LowCodeMetrics.Name);
                _ = exporter == "console" ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter();
            });
        return services;
    }
}
