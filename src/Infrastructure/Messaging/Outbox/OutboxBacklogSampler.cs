using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Counts the pending outbox rows and finds the oldest one's time every <see cref="MessagingOptions.BacklogSampleInterval"/>
/// for the outbox gauges of <see cref="MessagingTelemetry"/>: two index-only reads (the relay's index), and none at all
/// while nothing collects those gauges. Scrapes read the last count instead of querying the database each time.
/// </summary>
internal sealed partial class OutboxBacklogSampler(
    IServiceScopeFactory scopeFactory,
    MessagingTelemetry telemetry,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxBacklogSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BacklogSampleInterval, clock);
        do
        {
            if (!telemetry.OutboxBacklogObserved)
            {
                continue;
            }

            try
            {
                await CountAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // An unreachable or not yet migrated database must not stop the host; the gauges keep the last count.
                LogCountFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var pending = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(message => message.SentAt == null && message.DeadLetteredAt == null);
        var count = await pending.LongCountAsync(cancellationToken);
        var oldest = count == 0 ? null : await pending.MinAsync(message => (DateTime?)message.OccurredAt, cancellationToken);
        telemetry.OutboxBacklogCounted(count, oldest);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the outbox backlog failed; the gauges keep the last count")]
    private partial void LogCountFailed(Exception exception);
}
