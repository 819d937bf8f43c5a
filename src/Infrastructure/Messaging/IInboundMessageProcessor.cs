namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// The receiving side every transport calls for each message delivered to a consuming module: runs that module's
/// consumers of the event, each in its own transaction together with its inbox row.
/// </summary>
internal interface IInboundMessageProcessor
{
    /// <summary>The modules (lower-case names, for example <c>catalog</c>) that consume at least one event: one queue each.</summary>
    IReadOnlyList<string> ConsumingModules { get; }

    /// <summary>The event names a module consumes: its queue's bindings.</summary>
    IReadOnlyList<string> EventNamesConsumedBy(string module);

    /// <summary>
    /// Runs the module's consumers of the envelope's event, retrying a failing consumer a few times with backoff.
    /// Returns <see cref="InboundOutcome.Processed"/> when every consumer has applied it now or before (a duplicate),
    /// <see cref="InboundOutcome.DeadLettered"/> when a consumer kept failing or the payload cannot be read: the
    /// transport then moves the message aside (the broker's dead-letter queue) instead of delivering it again.
    /// </summary>
    Task<InboundOutcome> ProcessAsync(string module, MessageEnvelope envelope, CancellationToken cancellationToken);
}

internal enum InboundOutcome
{
    Processed,
    DeadLettered,
}
