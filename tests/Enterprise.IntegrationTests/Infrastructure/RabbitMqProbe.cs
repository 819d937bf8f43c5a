using RabbitMQ.Client;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The test's own connection to a broker, to look at what the application declared, left in a queue or dead-lettered,
/// and to publish what the application would not. Each operation uses a channel of its own: a failed passive
/// declaration closes the channel it ran on.
/// </summary>
public sealed class RabbitMqProbe : IAsyncDisposable
{
    private readonly IConnection _connection;

    private RabbitMqProbe(IConnection connection) => _connection = connection;

    public static async Task<RabbitMqProbe> ConnectAsync(string connectionString) =>
        new(await new ConnectionFactory { Uri = new Uri(connectionString), AutomaticRecoveryEnabled = false }.CreateConnectionAsync());

    /// <summary>Messages ready in the queue; throws when the queue does not exist.</summary>
    public Task<uint> ReadyMessageCountAsync(string queue) =>
        OnChannelAsync(async channel => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount);

    /// <summary>Throws when the exchange does not exist.</summary>
    public Task ExchangeExistsAsync(string exchange) => OnChannelAsync(async channel =>
    {
        await channel.ExchangeDeclarePassiveAsync(exchange);
        return true;
    });

    /// <summary>Takes the next message off the queue, acknowledged; <see langword="null"/> when it is empty.</summary>
    public Task<BasicGetResult?> TakeAsync(string queue) => OnChannelAsync(channel => channel.BasicGetAsync(queue, autoAck: true));

    /// <summary>Waits until the queue holds <paramref name="count"/> ready messages, and returns what it holds at the end.</summary>
    public async Task<uint> ReadyMessageCountOnceSettledAsync(string queue, uint count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        uint ready;
        while ((ready = await ReadyMessageCountAsync(queue)) != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return ready;
    }

    public Task PublishAsync(string exchange, string routingKey, BasicProperties properties, byte[] body) => OnChannelAsync(async channel =>
    {
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body);
        return true;
    });

    /// <summary>A queue bound to the exchange under the routing key that refuses every message (the broker nacks it).</summary>
    public Task DeclareRefusingQueueAsync(string queue, string exchange, string routingKey) => OnChannelAsync(async channel =>
    {
        var refuseAll = new Dictionary<string, object?> { ["x-max-length"] = 0, ["x-overflow"] = "reject-publish" };
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, refuseAll);
        await channel.QueueBindAsync(queue, exchange, routingKey);
        return true;
    });

    /// <summary>Removes what a test declared on the shared broker; what does not exist is skipped.</summary>
    public async Task DeleteAsync(IEnumerable<string> queues, IEnumerable<string> exchanges)
    {
        foreach (var queue in queues)
        {
            await OnChannelAsync(async channel => await channel.QueueDeleteAsync(queue));
        }

        foreach (var exchange in exchanges)
        {
            await OnChannelAsync(async channel =>
            {
                await channel.ExchangeDeleteAsync(exchange);
                return true;
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }

    private async Task<T> OnChannelAsync<T>(Func<IChannel, Task<T>> operation)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await operation(channel);
    }
}
