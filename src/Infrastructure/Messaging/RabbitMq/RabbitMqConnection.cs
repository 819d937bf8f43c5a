using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The process's one connection to the broker, shared by the publisher and the consumers. It is opened on first use
/// and the topology declared on it; after that the client recovers it (and its channels, consumers and topology) by
/// itself whenever the broker comes back.
/// </summary>
internal sealed partial class RabbitMqConnection(RabbitMqOptions options, RabbitMqTopology topology, ILogger<RabbitMqConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    /// <summary>Whether the connection is open now; false before the first connection and while the client reconnects.</summary>
    public bool IsOpen => _connection is { IsOpen: true };

    /// <summary>The connection, opened (with the topology declared) if this is the first use.</summary>
    /// <exception cref="RabbitMQ.Client.Exceptions.BrokerUnreachableException">The broker could not be reached; the next call tries again.</exception>
    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } connection)
        {
            return connection;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await OpenAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<IConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(options.ConnectionString!),
            ClientProvidedName = "enterprise",
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.ReconnectInterval,
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        try
        {
            await topology.DeclareAsync(connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection.ConnectionShutdownAsync += (_, shutdown) =>
        {
            if (shutdown.Initiator != ShutdownInitiator.Application)
            {
                LogConnectionLost(shutdown.ReplyText);
            }

            return Task.CompletedTask;
        };
        connection.RecoverySucceededAsync += (_, _) =>
        {
            LogConnectionRecovered();
            return Task.CompletedTask;
        };
        LogConnected(connection.Endpoint.HostName, connection.Endpoint.Port);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.CloseAsync();
            await connection.DisposeAsync();
        }

        _opening.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ at {Host}:{Port}; exchanges and queues are declared")]
    private partial void LogConnected(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection to RabbitMQ was lost ({Reason}); reconnecting, while the outbox keeps the events")]
    private partial void LogConnectionLost(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The connection to RabbitMQ is back")]
    private partial void LogConnectionRecovered();
}
