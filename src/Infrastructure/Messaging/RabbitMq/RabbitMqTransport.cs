using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Publishes envelopes to the events exchange, routed by event name, persistent and mandatory, on a channel with
/// publisher confirmations: <see cref="PublishAsync"/> completes when the broker has confirmed the message and throws
/// when it was refused (nacked) or could not be routed to any queue (returned), so the relay keeps the outbox row.
/// </summary>
internal sealed class RabbitMqTransport(RabbitMqConnection connection, RabbitMqTopology topology) : IMessageTransport, IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedPublishing = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    // One channel, one publish at a time: a channel must not be used for concurrent publishes.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private IChannel? _channel;

    /// <exception cref="RabbitMQ.Client.Exceptions.PublishException">The broker nacked or returned the message.</exception>
    /// <exception cref="TransportUnavailableException">The broker could not be reached, or the connection was lost (it is being recovered).</exception>
    public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            await channel.BasicPublishAsync(topology.ExchangeName, envelope.EventName, mandatory: true, RabbitMqMessages.PropertiesOf(envelope), envelope.Payload, cancellationToken);
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or SocketException)
        {
            throw new TransportUnavailableException($"RabbitMQ is unavailable: {exception.Message}", exception);
        }
        finally
        {
            _publishing.Release();
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        var open = await connection.GetAsync(cancellationToken);
        // A channel closed together with the connection comes back with it; one the broker closed on its own does not.
        if (_channel is { } channel && (channel.IsOpen || !open.IsOpen))
        {
            return channel;
        }

        if (_channel is not null)
        {
            await _channel.DisposeAsync();
            _channel = null;
        }

        _channel = await open.CreateChannelAsync(ConfirmedPublishing, cancellationToken);
        return _channel;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await channel.DisposeAsync();
        }

        _publishing.Dispose();
    }
}
