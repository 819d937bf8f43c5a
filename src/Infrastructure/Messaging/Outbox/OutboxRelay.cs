using System.Diagnostics;
using System.Text;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows through the transport, oldest first, a claimed batch at a time. A row is marked sent
/// only after the transport accepted it; a failure is retried with backoff until <see cref="MessagingOptions.MaxAttempts"/>,
/// then dead-lettered. An unavailable transport (the broker is down) spends no attempt: the batch waits for the next poll. Wakes on <see cref="OutboxSignal"/> and polls otherwise; every instance runs one, kept apart by claims.
/// When the host stops, no new batch is claimed and the batch in hand is published and marked to its end; only when the
/// host's shutdown timeout runs out is the rest of it handed back, to be relayed at the next start or by another instance.
/// </summary>
internal sealed partial class OutboxRelay(
    IServiceScopeFactory scopeFactory,
    IMessageTransport transport,
    IOutboxClaim claim,
    OutboxSignal signal,
    MessagingTelemetry telemetry,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : DrainingBackgroundService
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var relayed = 0;
            try
            {
                relayed = await RelayBatchAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // An unreachable or not yet migrated database must not stop the host; the next poll (if any) tries again.
                LogRelayFailed(exception);
            }

            // A full or partial batch may have more behind it (or new rows its consumers wrote): look again at once.
            if (relayed == 0)
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Claims one batch (unless <paramref name="stoppingToken"/> is cancelled first) and publishes all of it; returns how
    /// many rows were claimed. Once claimed, the batch is cut short only by <see cref="DrainingBackgroundService.AbortToken"/>.
    /// </summary>
    internal async Task<int> RelayBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var token = Guid.NewGuid();
        var now = UtcNow();
        await claim.ClaimAsync(dbContext, token, now, now + _options.LeaseDuration, _options.BatchSize, stoppingToken);
        var cancellationToken = AbortToken;
        List<OutboxMessage> batch = [];
        try
        {
            batch = await dbContext.Set<OutboxMessage>().AsNoTracking()
                .Where(message => message.LockedBy == token)
                .OrderBy(message => message.OccurredAt)
                .ThenBy(message => message.Id)
                .ToListAsync(cancellationToken);
            foreach (var message in batch)
            {
                await PublishAsync(dbContext, message, token, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown timeout ran out: hand the rest of the batch back now rather than when the lease runs out.
            await ReleaseAsync(dbContext, token);
            throw;
        }
        catch (TransportUnavailableException exception)
        {
            // Nothing can be published until the transport is back: the rows keep their attempts and stay due.
            await ReleaseAsync(dbContext, token);
            LogTransportUnavailable(exception, batch.Count);
            return 0;
        }

        return batch.Count;
    }

    private static Task<int> ReleaseAsync(EnterpriseDbContext dbContext, Guid token) =>
        Held(dbContext, token).ExecuteUpdateAsync(
            setters => setters.SetProperty(message => message.LockedBy, (Guid?)null).SetProperty(message => message.LockedUntil, (DateTime?)null),
            CancellationToken.None);

    private async Task PublishAsync(EnterpriseDbContext dbContext, OutboxMessage message, Guid token, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.StartActivity($"publish {message.EventName}", ActivityKind.Producer, message.TraceParent);
        // The consumers continue from this publish, so a trace shows request -> publish -> consume -> publish -> ...
        var envelope = new MessageEnvelope(
            message.Id,
            message.EventName,
            Encoding.UTF8.GetBytes(message.Payload),
            activity.IdFormat == ActivityIdFormat.W3C ? activity.Id : message.TraceParent,
            new DateTimeOffset(message.OccurredAt, TimeSpan.Zero));
        OutboxFailure? failure = null;
        try
        {
            await transport.PublishAsync(envelope, cancellationToken);
        }
        catch (MessageDeadLetteredException exception)
        {
            failure = new OutboxFailure(exception.Message, DeadLetterNow: true);
        }
        catch (Exception exception) when (exception is not TransportUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            failure = new OutboxFailure(exception.Message, DeadLetterNow: false);
            LogPublishFailed(exception, message.Id, message.EventName, message.Attempts + 1);
        }

        // The outcome is recorded even while shutting down: a publish that succeeded must not be repeated needlessly.
        var row = Held(dbContext, token).Where(held => held.Id == message.Id);
        var now = UtcNow();
        if (failure is null)
        {
            await row.ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(held => held.SentAt, now)
                    .SetProperty(held => held.LockedBy, (Guid?)null)
                    .SetProperty(held => held.LockedUntil, (DateTime?)null),
                CancellationToken.None);
            telemetry.Published(message.EventName);
            return;
        }

        var decision = OutboxRetryDecision.After(message.Attempts + 1, failure.DeadLetterNow, now, _options, Random.Shared.NextDouble());
        var error = failure.Error.Length > OutboxMessageConfiguration.LastErrorMaxLength
            ? failure.Error[..OutboxMessageConfiguration.LastErrorMaxLength]
            : failure.Error;
        await row.ExecuteUpdateAsync(
            setters => setters
                .SetProperty(held => held.Attempts, held => held.Attempts + 1)
                .SetProperty(held => held.LastError, error)
                .SetProperty(held => held.NextAttemptAt, decision.NextAttemptAt)
                .SetProperty(held => held.DeadLetteredAt, decision.DeadLetteredAt)
                .SetProperty(held => held.LockedBy, (Guid?)null)
                .SetProperty(held => held.LockedUntil, (DateTime?)null),
            CancellationToken.None);
        if (decision.DeadLetteredAt is not null)
        {
            LogDeadLettered(message.Id, message.EventName, message.Attempts + 1, failure.Error);
            telemetry.DeadLettered(message.EventName, MessagingTelemetry.OutboxStage);
        }
    }

    private static IQueryable<OutboxMessage> Held(EnterpriseDbContext dbContext, Guid token) =>
        dbContext.Set<OutboxMessage>().Where(message => message.LockedBy == token);

    private DateTime UtcNow() => Domain.Common.UtcTimestamp.From(clock.GetUtcNow());

    private sealed record OutboxFailure(string Error, bool DeadLetterNow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox relay failed; trying again at the next poll")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The message transport is unavailable; {Held} outbox messages wait for the next poll")]
    private partial void LogTransportUnavailable(Exception exception, int held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing message {MessageId} ({EventName}) failed on attempt {Attempt}; it will be retried")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string eventName, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({EventName}) was dead-lettered after {Attempts} attempts: {Reason}")]
    private partial void LogDeadLettered(Guid messageId, string eventName, int attempts, string reason);
}
