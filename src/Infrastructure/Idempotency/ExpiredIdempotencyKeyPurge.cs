using Enterprise.Application.Common.Idempotency;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencySettings.PurgeInterval"/>, so the table holds about one
/// expiry period of keys. Correctness does not depend on it: a claim treats an expired key as free anyway. Every
/// instance purges; the deletes are idempotent, so they need no coordination.
/// </summary>
internal sealed partial class ExpiredIdempotencyKeyPurge(
    IServiceScopeFactory scopeFactory,
    IOptions<IdempotencySettings> settings,
    TimeProvider clock,
    ILogger<ExpiredIdempotencyKeyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.PurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(purged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // An unreachable or not yet migrated database must not stop the host; the next tick tries again.
                LogPurgeFailed(exception);
            }
        }
    }

    private async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await dbContext.Set<IdempotencyRecord>().Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired idempotency keys could not be purged; trying again at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}
