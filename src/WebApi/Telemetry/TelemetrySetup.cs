using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Caching;
using Enterprise.WebApi.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Enterprise.WebApi.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics. What is traced (ASP.NET Core, HttpClient, Npgsql, SqlClient, RabbitMQ.Client and
/// the messaging activities) and measured (runtime, ASP.NET Core, HttpClient, Npgsql, SqlClient and the application's
/// meters) is declared for any provider; providers exist only when something exports: over OTLP when
/// <see cref="OtlpEndpointVariable"/> is set, and metrics for <see cref="PrometheusPath"/> when
/// <see cref="TelemetrySettings.PrometheusEndpoint"/> is true. Without either there is no tracer provider, so no
/// request pays for a sampled activity, and no meter provider, so no measurement is aggregated.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The standard variable; the exporter reads it and the other <c>OTEL_EXPORTER_OTLP_*</c> variables itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard variable that names the service; <see cref="DefaultServiceName"/> otherwise.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public const string DefaultServiceName = "enterprise-api";
    public const string PrometheusPath = "/metrics";

    /// <summary>RabbitMQ.Client 7's own activity sources: the broker hop between the relay's publish and a consumer.</summary>
    private static readonly string[] RabbitMqActivitySources = ["RabbitMQ.Client.Publisher", "RabbitMQ.Client.Subscriber"];

    /// <summary>Probes and scrapes every few seconds would drown the traces of real requests.</summary>
    private static readonly PathString[] UntracedPaths = ["/health", PrometheusPath];

    /// <summary>The application's own meters, beside the runtime's and the libraries'.</summary>
    public static IReadOnlyList<string> ApplicationMeters { get; } =
        [MediatorMetrics.MeterName, CacheMetrics.MeterName, RateLimitMetrics.MeterName, .. Infrastructure.DependencyInjection.MeterNames];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetrySettings>().BindConfiguration(TelemetrySettings.SectionName);
        services.ConfigureOpenTelemetryTracerProvider(ConfigureTracing);
        services.ConfigureOpenTelemetryMeterProvider(ConfigureMetrics);

        var exportOverOtlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var servePrometheus = configuration.GetValue<bool>(TelemetrySettings.PrometheusEndpointSetting);
        if (!exportOverOtlp && !servePrometheus)
        {
            return services;
        }

        var serviceName = configuration[ServiceNameVariable] is { Length: > 0 } name ? name : DefaultServiceName;
        var openTelemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (exportOverOtlp)
        {
            openTelemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        if (servePrometheus)
        {
            openTelemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>
    /// <see cref="PrometheusPath"/> when <see cref="TelemetrySettings.PrometheusEndpoint"/> is set: anonymous like the
    /// health probes (no fallback policy requires a token), outside the rate limits, and absent from the API documents.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetrySettings>>().Value.PrometheusEndpoint)
        {
            endpoints.MapPrometheusScrapingEndpoint(PrometheusPath)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    private static bool IsUntraced(PathString path) =>
        UntracedPaths.Any(untraced => path.StartsWithSegments(untraced, StringComparison.OrdinalIgnoreCase));

    private static void ConfigureTracing(TracerProviderBuilder tracing) => tracing
        .AddSource([.. Infrastructure.DependencyInjection.ActivitySourceNames, .. RabbitMqActivitySources])
        .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsUntraced(context.Request.Path))
        .AddHttpClientInstrumentation()
        .AddNpgsql()
        .AddSqlClientInstrumentation();

    private static void ConfigureMetrics(MeterProviderBuilder metrics) => metrics
        .AddMeter([.. ApplicationMeters])
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddRuntimeInstrumentation()
        .AddNpgsqlInstrumentation()
        .AddSqlClientInstrumentation();
}
