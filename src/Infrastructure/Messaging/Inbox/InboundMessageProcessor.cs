using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.Json;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging.Inbox;

/// <summary>
/// Applies a delivered message to each of the module's consumers of its event, each in its own scope and transaction
/// together with its inbox row, so that a message delivered twice is applied once. A consumer that keeps failing
/// dead-letters the message instead of blocking the ones behind it. The transports call it one message at a time per
/// module; nothing here relies on that, since the inbox key settles two concurrent deliveries.
/// </summary>
internal sealed partial class InboundMessageProcessor(
    IEnumerable<IntegrationEventConsumerRegistration> consumers,
    IServiceScopeFactory scopeFactory,
    OutboxSignal outboxSignal,
    MessagingTelemetry telemetry,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<InboundMessageProcessor> logger) : IInboundMessageProcessor
{
    private readonly FrozenDictionary<string, IntegrationEventConsumerRegistration[]> _consumersByModule = consumers
        .GroupBy(consumer => consumer.Module, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string[]> _eventNamesByModule = consumers
        .GroupBy(consumer => consumer.Module, StringComparer.Ordinal)
        .ToFrozenDictionary(
            group => group.Key,
            group => group.Select(consumer => consumer.EventName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);

    /// <summary>
    /// Lost races a consumer may retry before they count as failures: each one means another write committed, so many
    /// in a row point at a consumer that keeps reading stale rows, which must not hold up the queue for ever.
    /// </summary>
    private const int MaxRacesLost = 20;

    private static readonly TimeSpan RaceRetryBaseDelay = TimeSpan.FromMilliseconds(5);

    private readonly MessagingOptions _options = options.Value;

    public IReadOnlyList<string> ConsumingModules { get; } = [.. consumers.Select(consumer => consumer.Module).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> EventNamesConsumedBy(string module) =>
        _eventNamesByModule.TryGetValue(module, out var eventNames) ? eventNames : [];

    public async Task<InboundOutcome> ProcessAsync(string module, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!_consumersByModule.TryGetValue(module, out var moduleConsumers))
        {
            return InboundOutcome.Processed;
        }

        using var activity = MessagingTelemetry.StartActivity($"consume {envelope.EventName}", ActivityKind.Consumer, envelope.TraceParent);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(MessagingTelemetry.ModuleTag, module);
        }

        var outcome = InboundOutcome.Processed;
        foreach (var consumer in moduleConsumers.Where(consumer => consumer.EventName == envelope.EventName))
        {
            if (await ConsumeAsync(consumer, envelope, cancellationToken) == InboundOutcome.DeadLettered)
            {
                // The other consumers still get their turn: each has its own inbox row, so a replay skips the ones that succeeded.
                outcome = InboundOutcome.DeadLettered;
                telemetry.DeadLettered(envelope.EventName, module);
            }
        }

        return outcome;
    }

    private async Task<InboundOutcome> ConsumeAsync(IntegrationEventConsumerRegistration consumer, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var integrationEvent = Deserialize(consumer, envelope);
        if (integrationEvent is null)
        {
            return InboundOutcome.DeadLettered;
        }

        var failures = 0;
        var racesLost = 0;
        while (true)
        {
            try
            {
                await ApplyOnceAsync(consumer, integrationEvent, envelope, cancellationToken);
                return InboundOutcome.Processed;
            }
            catch (ConcurrencyConflictException exception) when (exception.StaleVersion && racesLost < MaxRacesLost && !cancellationToken.IsCancellationRequested)
            {
                // Another writer changed the same rows first (instances reserving stock of one product at once): nothing
                // is wrong with the message, so the retry re-reads them without spending one of its attempts.
                racesLost++;
                LogRaceLost(envelope.MessageId, envelope.EventName, consumer.ConsumerName, racesLost);
                await Task.Delay(
                    RetryBackoff.DelayAfter(racesLost, RaceRetryBaseDelay, _options.ConsumerRetryBaseDelay, Random.Shared.NextDouble()),
                    clock,
                    cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (await AlreadyAppliedAsync(consumer, envelope.MessageId, cancellationToken))
                {
                    // A concurrent delivery of the same message committed first (the inbox key refused ours): it is applied.
                    return InboundOutcome.Processed;
                }

                failures++;
                if (failures >= _options.ConsumerAttempts)
                {
                    LogDeadLettered(exception, envelope.MessageId, envelope.EventName, consumer.ConsumerName, failures);
                    return InboundOutcome.DeadLettered;
                }

                LogConsumerFailed(exception, envelope.MessageId, envelope.EventName, consumer.ConsumerName, failures);
                await Task.Delay(
                    RetryBackoff.DelayAfter(failures, _options.ConsumerRetryBaseDelay, _options.RetryMaxDelay, Random.Shared.NextDouble()),
                    clock,
                    cancellationToken);
            }
        }
    }

    private object? Deserialize(IntegrationEventConsumerRegistration consumer, MessageEnvelope envelope)
    {
        try
        {
            var integrationEvent = JsonSerializer.Deserialize(envelope.Payload.Span, consumer.EventType, MessagingJson.Options);
            if (integrationEvent is null)
            {
                LogUnreadable(null, envelope.MessageId, envelope.EventName, consumer.ConsumerName);
            }

            return integrationEvent;
        }
        catch (JsonException exception)
        {
            LogUnreadable(exception, envelope.MessageId, envelope.EventName, consumer.ConsumerName);
            return null;
        }
    }

    /// <summary>The consumer's writes, the outbox rows its domain events add and its inbox row, in one transaction.</summary>
    private async Task ApplyOnceAsync(IntegrationEventConsumerRegistration consumer, object integrationEvent, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var context = new IntegrationEventContext(envelope.MessageId, envelope.OccurredAt);

        // Server providers retry transient faults; a user transaction must then run inside their execution strategy.
        await dbContext.Database.CreateExecutionStrategy().ExecuteAsync(
            async retryCancellation =>
            {
                dbContext.ChangeTracker.Clear();
                await using var transaction = await dbContext.Database.BeginTransactionAsync(retryCancellation);
                var inbox = dbContext.Set<InboxMessage>();
                if (await inbox.AnyAsync(row => row.MessageId == envelope.MessageId && row.ConsumerName == consumer.ConsumerName, retryCancellation))
                {
                    return;
                }

                inbox.Add(new InboxMessage
                {
                    MessageId = envelope.MessageId,
                    ConsumerName = consumer.ConsumerName,
                    ProcessedAt = UtcTimestamp.From(clock.GetUtcNow()),
                });
                await consumer.Invoke(scope.ServiceProvider, integrationEvent, context, retryCancellation);
                await unitOfWork.SaveChangesAsync(retryCancellation);
                await transaction.CommitAsync(retryCancellation);
            },
            cancellationToken);

        // The unit of work cannot wake the relay itself inside a transaction it does not own (the rows are not visible
        // before the commit); a needless wake-up costs one query.
        outboxSignal.Notify();
    }

    private async Task<bool> AlreadyAppliedAsync(IntegrationEventConsumerRegistration consumer, Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().Set<InboxMessage>()
                .AnyAsync(row => row.MessageId == messageId && row.ConsumerName == consumer.ConsumerName, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The database itself is failing: treat the attempt as failed, the retry will look again.
            LogInboxCheckFailed(exception, messageId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on message {MessageId} ({EventName}), attempt {Attempt}; retrying")]
    private partial void LogConsumerFailed(Exception exception, Guid messageId, string eventName, string consumer, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumer {Consumer} lost a race on message {MessageId} ({EventName}) to another write, {RacesLost} so far; re-reading")]
    private partial void LogRaceLost(Guid messageId, string eventName, string consumer, int racesLost);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} gave up on message {MessageId} ({EventName}) after {Attempts} attempts; it is dead-lettered")]
    private partial void LogDeadLettered(Exception exception, Guid messageId, string eventName, string consumer, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({EventName}) cannot be read as the event consumer {Consumer} expects; it is dead-lettered")]
    private partial void LogUnreadable(Exception? exception, Guid messageId, string eventName, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Whether message {MessageId} was already applied could not be checked")]
    private partial void LogInboxCheckFailed(Exception exception, Guid messageId);
}
