using Enterprise.Infrastructure.Hosting;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// Keeps the messaging tables from growing forever: at start and every <see cref="MessagingOptions.RetentionSweepInterval"/>
/// deletes outbox rows sent, and inbox rows written, longer than <see cref="MessagingOptions.RetainProcessedFor"/> ago.
/// Pending and dead-lettered outbox rows stay. Every instance sweeps; the deletes are idempotent, so instances need no
/// coordination, and each statement deletes at most <see cref="RowsPerStatement"/> rows so that no sweep holds long locks.
/// </summary>
internal sealed partial class MessageRetentionSweep(
    IServiceScopeFactory scopeFactory,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<MessageRetentionSweep> logger) : PeriodicWorkService(clock)
{
    internal const int RowsPerStatement = 1_000;

    private readonly MessagingOptions _options = options.Value;

    protected override TimeSpan Interval => _options.RetentionSweepInterval;

    protected override void OnFailed(Exception exception) => LogSweepFailed(exception);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow().UtcDateTime - _options.RetainProcessedFor;
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var outbox = await DeleteInBatchesAsync(
            dbContext.Set<OutboxMessage>().Where(message => message.SentAt != null && message.SentAt < cutoff).OrderBy(message => message.SentAt),
            cancellationToken);
        var inbox = await DeleteInBatchesAsync(
            dbContext.Set<InboxMessage>().Where(message => message.ProcessedAt < cutoff).OrderBy(message => message.ProcessedAt),
            cancellationToken);
        if (outbox + inbox > 0)
        {
            LogSwept(outbox, inbox, cutoff);
        }
    }

    private static async Task<int> DeleteInBatchesAsync<TRow>(IQueryable<TRow> expired, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await expired.Take(RowsPerStatement).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == RowsPerStatement);

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {OutboxRows} sent outbox rows and {InboxRows} inbox rows processed before {Cutoff:O}")]
    private partial void LogSwept(int outboxRows, int inboxRows, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The messaging retention sweep failed; trying again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
