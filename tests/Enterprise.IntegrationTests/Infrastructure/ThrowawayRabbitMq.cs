using System.Globalization;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ broker of a test's own, started and stopped with <c>scripts/rabbitmq.sh</c>, for tests that take the broker
/// away (the shared one, <see cref="TestServers.RabbitMqVariable"/>, must stay up for the other tests).
/// </summary>
public sealed class ThrowawayRabbitMq : IDisposable
{
    private readonly string _script = RepositoryFiles.Path("scripts", "rabbitmq.sh");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"rabbitmq-{Guid.NewGuid():N}");
    private readonly int _port = LocalPorts.Free();

    private ThrowawayRabbitMq()
    {
    }

    /// <summary>An AMQP URI for the user guest, who may log in from the loopback address.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}/";

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

    /// <summary>Starts the broker again on the same port and data, so durable queues and their messages are back.</summary>
    public Task StartServerAsync() => ServerScript.RunAsync(_script, "start", _directory, _port.ToString(CultureInfo.InvariantCulture));

    public Task StopServerAsync() => ServerScript.RunAsync(_script, "stop", _directory);

    public void Dispose()
    {
        StopServerAsync().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }
}
