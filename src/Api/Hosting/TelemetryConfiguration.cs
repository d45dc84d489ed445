using LowCode.Engine.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LowCode.Api.Hosting;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core requests (rate, latency) and the engine's <see cref="LowCodeMetrics"/>
/// (completions, decisions, outbox backlog, timer lag, webhook failures). <c>LowCode:Telemetry:Exporter</c> picks where
/// they go: <c>none</c> (the default: collected, exported nowhere), <c>console</c>, or <c>otlp</c> (endpoint from the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
internal static class TelemetryConfiguration
{
    public static IServiceCollection AddLowCodeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = (configuration["LowCode:Telemetry:Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter is not ("none" or "console" or "otlp"))
        {
            throw new InvalidOperationException($"LowCode:Telemetry:Exporter is '{exporter}'; use none, console or otlp.");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("LowCode.Api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(LowCodeMetrics.Name);
                _ = exporter switch
                {
                    "console" => metrics.AddConsoleExporter(),
                    "otlp" => metrics.AddOtlpExporter(),
                    _ => metrics,
                };
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddSource(LowCodeMetrics.Name);
                _ = exporter switch
                {
                    "console" => tracing.AddConsoleExporter(),
                    "otlp" => tracing.AddOtlpExporter(),
                    _ => tracing,
                };
            });
        return services;
    }
}
