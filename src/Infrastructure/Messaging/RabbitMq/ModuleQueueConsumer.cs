using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// One module's consumer on a channel of its own, one message at a time: acknowledges a message once the processor has
/// committed it, rejects it to the dead-letter queue when the processor dead-letters it (or it cannot be read), and
/// puts it back after <see cref="RabbitMqOptions.RedeliveryDelay"/> when processing failed, so a database outage
/// neither loses messages nor spins through them.
/// </summary>
internal sealed partial class ModuleQueueConsumer(
    ModuleQueue moduleQueue,
    RabbitMqOptions options,
    IServiceScopeFactory scopeFactory,
    ILogger logger,
    CancellationToken abortToken) : IDisposable
{
    // Held while a message is processed, so that stopping waits for it; deliveries after that are left to the broker.
    private readonly SemaphoreSlim _processing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IChannel? _channel;
    private string? _consumerTag;

    public async Task StartAsync(IConnection connection, CancellationToken cancellationToken)
    {
        _channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await _channel.BasicQosAsync(prefetchSize: 0, prefetchCount: (ushort)options.Prefetch, global: false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(delivery);
        _consumerTag = await _channel.BasicConsumeAsync(moduleQueue.Queue, autoAck: false, consumer, cancellationToken);
    }

    public async Task StopAsync(CancellationToken abort)
    {
        if (_channel is not { } channel)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            if (channel.IsOpen && _consumerTag is not null)
            {
                await channel.BasicCancelAsync(_consumerTag, cancellationToken: abort);
            }

            // Waits for the message being processed; deliveries handled after this see the stop and leave their message.
            await _processing.WaitAsync(abort);
            _processing.Release();
        }
        catch (Exception exception) when (exception is OperationCanceledException or AlreadyClosedException or OperationInterruptedException)
        {
            // The shutdown timeout ran out or the connection is gone: closing the channel returns what is unacknowledged.
        }

        await channel.DisposeAsync();
    }

    public void Dispose()
    {
        _processing.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(BasicDeliverEventArgs delivery)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _processing.WaitAsync(CancellationToken.None);
        try
        {
            if (!_stopping.IsCancellationRequested)
            {
                await SettleAsync(delivery, await ProcessAsync(delivery));
            }
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException)
        {
            // The connection went away before the acknowledgement: the broker delivers the message again, and the
            // inbox turns that delivery into a duplicate that is skipped.
            LogNotSettled(exception, moduleQueue.Queue, delivery.BasicProperties.MessageId);
        }
        catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
        {
            // The shutdown timeout ran out mid-message: it stays unacknowledged and goes back when the channel closes.
        }
        finally
        {
            _processing.Release();
        }
    }

    private async Task<Settlement> ProcessAsync(BasicDeliverEventArgs delivery)
    {
        if (!RabbitMqMessages.TryReadEnvelope(delivery.BasicProperties, delivery.Body, out var envelope))
        {
            LogUnreadable(moduleQueue.Queue, delivery.BasicProperties.MessageId);
            return Settlement.DeadLetter;
        }

        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<IInboundMessageProcessor>();
            var outcome = await processor.ProcessAsync(moduleQueue.Module, envelope, abortToken);
            return outcome == InboundOutcome.Processed ? Settlement.Acknowledge : Settlement.DeadLetter;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !abortToken.IsCancellationRequested)
        {
            LogProcessingFailed(exception, envelope.EventName, envelope.MessageId, moduleQueue.Module, options.RedeliveryDelay);
            try
            {
                await Task.Delay(options.RedeliveryDelay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the message goes back at once.
            }

            return Settlement.Requeue;
        }
    }

    private async Task SettleAsync(BasicDeliverEventArgs delivery, Settlement settlement)
    {
        var channel = _channel!;
        switch (settlement)
        {
            case Settlement.Acknowledge:
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                break;
            case Settlement.DeadLetter:
                LogDeadLettered(delivery.BasicProperties.MessageId, moduleQueue.DeadLetterQueue);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
                break;
            default:
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
                break;
        }
    }

    private enum Settlement
    {
        Acknowledge,
        DeadLetter,
        Requeue,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} in {Queue} lacks a message id, an event name or its time; it goes to the dead-letter queue")]
    private partial void LogUnreadable(string queue, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {EventName} {MessageId} for module {Module} failed; it goes back to the queue in {Delay}")]
    private partial void LogProcessingFailed(Exception exception, string eventName, Guid messageId, string module, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} was moved to the dead-letter queue {DeadLetterQueue}")]
    private partial void LogDeadLettered(string? messageId, string deadLetterQueue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} from {Queue} was not acknowledged before the connection closed; the broker delivers it again")]
    private partial void LogNotSettled(Exception exception, string queue, string? messageId);
}
