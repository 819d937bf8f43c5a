using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The broker's exchanges and queues: a durable topic exchange for the events; per consuming module a durable queue bound
/// to each event it consumes, whose rejected messages go through the dead-letter exchange to the module's dead-letter
/// queue. Declaring is idempotent, and the client declares it all again after it reconnects (topology recovery).
/// </summary>
internal sealed class RabbitMqTopology
{
    private readonly RabbitMqOptions _options;
    private readonly Lazy<IReadOnlyList<ModuleQueue>> _moduleQueues;

    public RabbitMqTopology(RabbitMqOptions options, IServiceScopeFactory scopeFactory)
    {
        _options = options;
        _moduleQueues = new Lazy<IReadOnlyList<ModuleQueue>>(() => ReadModuleQueues(scopeFactory));
    }

    public string ExchangeName => _options.ExchangeName;

    /// <summary>A direct exchange: a module queue dead-letters with its own name as routing key, which picks its dead-letter queue.</summary>
    public string DeadLetterExchangeName => $"{_options.ExchangeName}.dead-letter";

    /// <summary>Every consuming module's queues and the events bound to them, as the inbound processor reports them.</summary>
    public IReadOnlyList<ModuleQueue> ModuleQueues => _moduleQueues.Value;

    public async Task DeclareAsync(IConnection connection, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(ExchangeName, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchangeName, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var moduleQueue in ModuleQueues)
        {
            await channel.QueueDeclareAsync(moduleQueue.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(moduleQueue.DeadLetterQueue, DeadLetterExchangeName, routingKey: moduleQueue.Queue, cancellationToken: cancellationToken);
            var deadLettering = new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = DeadLetterExchangeName,
                ["x-dead-letter-routing-key"] = moduleQueue.Queue,
            };
            await channel.QueueDeclareAsync(moduleQueue.Queue, durable: true, exclusive: false, autoDelete: false, deadLettering, cancellationToken: cancellationToken);
            foreach (var eventName in moduleQueue.EventNames)
            {
                await channel.QueueBindAsync(moduleQueue.Queue, ExchangeName, routingKey: eventName, cancellationToken: cancellationToken);
            }
        }

        await channel.CloseAsync(cancellationToken);
    }

    private IReadOnlyList<ModuleQueue> ReadModuleQueues(IServiceScopeFactory scopeFactory)
    {
        using var scope = scopeFactory.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<IInboundMessageProcessor>();
        return [.. processor.ConsumingModules.Select(module => new ModuleQueue(
            module,
            $"{_options.QueuePrefix}.{module}",
            $"{_options.QueuePrefix}.{module}.dead-letter",
            processor.EventNamesConsumedBy(module)))];
    }
}

/// <summary>A consuming module's queue, its dead-letter queue, and the event names (routing keys) bound to the queue.</summary>
internal sealed record ModuleQueue(string Module, string Queue, string DeadLetterQueue, IReadOnlyList<string> EventNames);
