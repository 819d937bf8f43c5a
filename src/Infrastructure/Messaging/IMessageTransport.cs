namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// Moves envelopes from the outbox relay to the modules that consume them: in process (the default) or through a
/// broker. Chosen by <c>Messaging:Transport</c>; the outbox and the inbox are the same whichever is used.
/// </summary>
internal interface IMessageTransport
{
    /// <summary>
    /// Completes only once the message is safe: confirmed by the broker, or (in process) handled by every consuming
    /// module. Throws when it is not; the relay then keeps the outbox row and tries again later.
    /// </summary>
    Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken);
}
