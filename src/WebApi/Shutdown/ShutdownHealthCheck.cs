using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enterprise.WebApi.Shutdown;

/// <summary>
/// Unhealthy from the moment the host is told to stop, so readiness answers 503 and no load balancer sends new work to
/// an instance that is draining; liveness checks nothing and stays 200, so the instance is not restarted meanwhile.
/// </summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("draining")
            : HealthCheckResult.Healthy());
}
