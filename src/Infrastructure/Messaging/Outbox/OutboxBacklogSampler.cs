using Enterprise.Infrastructure.Hosting;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    ILogger<OutboxBacklogSampler> logger) : PeriodicWorkService(clock)
{
    protected override TimeSpan Interval => options.Value.BacklogSampleInterval;

    // A failed count leaves the gauges at the last one.
    protected override void OnFailed(Exception exception) => LogCountFailed(exception);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!telemetry.OutboxBacklogObserved)
        {
            return;
        }

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
