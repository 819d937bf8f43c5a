using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Degraded, never unhealthy, while the broker is unreachable: writes still succeed and their events wait in the outbox
/// until the connection is back, so the instance stays ready; the report shows operators that events are not flowing.
/// </summary>
internal sealed class RabbitMqHealthCheck(RabbitMqConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connection.IsOpen
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("RabbitMQ is unreachable: integration events wait in the outbox, and consumers receive nothing, until it is back."));
}
