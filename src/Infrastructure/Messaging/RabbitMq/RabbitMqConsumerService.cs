using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Consumes every module's queue and hands each message to the inbound processor. Connects at start, and keeps trying
/// every <see cref="RabbitMqOptions.ReconnectInterval"/> while the broker is unreachable; once connected, the client
/// recovers the consumers by itself. On shutdown no new message is taken, the ones being processed finish (until the
/// host's shutdown timeout), and every message not acknowledged goes back to its queue.
/// </summary>
internal sealed partial class RabbitMqConsumerService(
    RabbitMqConnection connection,
    RabbitMqTopology topology,
    RabbitMqOptions options,
    IServiceScopeFactory scopeFactory,
    ILogger<RabbitMqConsumerService> logger) : DrainingBackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = await StartConsumersAsync(stoppingToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the consumers stop below.
        }

        await StopConsumersAsync(consumers);
    }

    private async Task<IReadOnlyList<ModuleQueueConsumer>> StartConsumersAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var consumers = new List<ModuleQueueConsumer>();
            try
            {
                var open = await connection.GetAsync(stoppingToken);
                foreach (var moduleQueue in topology.ModuleQueues)
                {
                    var consumer = new ModuleQueueConsumer(moduleQueue, options, scopeFactory, logger, AbortToken);
                    consumers.Add(consumer);
                    await consumer.StartAsync(open, stoppingToken);
                }

                return consumers;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogUnreachable(exception, options.ReconnectInterval);
                await StopConsumersAsync(consumers);
                await DelayAsync(options.ReconnectInterval, stoppingToken);
            }
        }

        return [];
    }

    private async Task StopConsumersAsync(IEnumerable<ModuleQueueConsumer> consumers)
    {
        foreach (var consumer in consumers)
        {
            await consumer.StopAsync(AbortToken);
            consumer.Dispose();
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ could not be reached to consume messages; trying again in {Delay}")]
    private partial void LogUnreachable(Exception exception, TimeSpan delay);
}
