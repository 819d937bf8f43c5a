namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The embedded transport: publishing hands the message to every consuming module's processor, one after the other,
/// and completes when all have committed it (or had it before). No broker, the same outbox and inbox path.
/// </summary>
internal sealed class InProcessTransport(IInboundMessageProcessor processor) : IMessageTransport
{
    public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var givenUpBy = new List<string>();
        foreach (var module in processor.ConsumingModules)
        {
            if (processor.EventNamesConsumedBy(module).Contains(envelope.EventName)
                && await processor.ProcessAsync(module, envelope, cancellationToken) == InboundOutcome.DeadLettered)
            {
                givenUpBy.Add(module);
            }
        }

        if (givenUpBy.Count > 0)
        {
            throw new MessageDeadLetteredException(
                $"Message {envelope.MessageId} ({envelope.EventName}) was dead-lettered by {string.Join(", ", givenUpBy)}.");
        }
    }
}
