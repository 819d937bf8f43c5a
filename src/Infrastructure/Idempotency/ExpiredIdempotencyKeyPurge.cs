using Enterprise.Application.Common.Idempotency;
using Enterprise.Infrastructure.Hosting;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<ExpiredIdempotencyKeyPurge> logger) : PeriodicWorkService(clock)
{
    protected override TimeSpan Interval => settings.Value.PurgeInterval;

    // Nothing has expired yet at start.
    protected override bool RunsAtStart => false;

    protected override void OnFailed(Exception exception) => LogPurgeFailed(exception);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var purged = await dbContext.Set<IdempotencyRecord>().Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired idempotency keys could not be purged; trying again at the next interval")]
    private partial void LogPurgeFailed(Exception exception);
}
