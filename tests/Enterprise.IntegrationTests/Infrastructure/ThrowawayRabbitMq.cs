namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ broker of a test's own (<c>scripts/rabbitmq.sh</c>); the shared one is <see cref="TestServers.RabbitMqVariable"/>.
/// Started again, it comes back with its durable queues and their messages.
/// </summary>
public sealed class ThrowawayRabbitMq : ThrowawayServer
{
    private ThrowawayRabbitMq()
        : base("rabbitmq")
    {
    }

    /// <summary>An AMQP URI for the user guest, who may log in from the loopback address.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    /// <summary>
    /// Starts a new broker. RabbitMQ is installed when this run has one (<see cref="TestServers.RequireRabbitMq"/>):
    /// otherwise the test is skipped locally, or failed on CI.
    /// </summary>
    public static async Task<ThrowawayRabbitMq> StartAsync()
    {
        TestServers.RequireRabbitMq();
        var server = new ThrowawayRabbitMq();
        await server.StartServerAsync();
        return server;
    }
}
