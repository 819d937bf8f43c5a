using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enterprise.WebApi.Warmup;

/// <summary>Keeps readiness at 503 until the warm-up has finished, so no traffic reaches methods still being compiled.</summary>
internal sealed class WarmupHealthCheck(WarmupState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsFinished ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));
}
