using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Enterprise.Infrastructure.Caching;

/// <summary>
/// Degraded, never unhealthy, while Redis is unreachable: the cache then serves from each instance's memory and the
/// database, so the instance stays ready; the report still shows operators that instances no longer share invalidations.
/// </summary>
internal sealed class RedisCacheHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis is unreachable: each instance caches in its own memory, and writes on one reach the others only when their entries expire."));
}
