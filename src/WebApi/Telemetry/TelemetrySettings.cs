namespace Enterprise.WebApi.Telemetry;

/// <summary>
/// The <c>Telemetry</c> configuration section. Export over OTLP is set by the standard <c>OTEL_*</c> environment
/// variables instead (<see cref="TelemetrySetup.OtlpEndpointVariable"/>), so that a collector is configured the same
/// way for every service.
/// </summary>
public sealed class TelemetrySettings
{
    public const string SectionName = "Telemetry";
    public const string PrometheusEndpointSetting = SectionName + ":" + nameof(PrometheusEndpoint);

    /// <summary>
    /// Whether <see cref="TelemetrySetup.PrometheusPath"/> serves the metrics in the Prometheus text format, for a team
    /// without a collector. Off unless set: the exporter is a beta package, and the metrics are nobody else's business.
    /// </summary>
    public bool PrometheusEndpoint { get; set; }
}
