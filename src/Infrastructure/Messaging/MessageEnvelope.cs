namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// An integration event on its way between modules, as the outbox stored it: the same for every delivery attempt.
/// </summary>
/// <param name="MessageId">The outbox row's id; consumers' inboxes deduplicate on it.</param>
/// <param name="EventName">The event's <c>IIntegrationEvent.EventName</c>: the routing key.</param>
/// <param name="Payload">The event serialized as UTF-8 JSON with the wire options.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the request that wrote the row, if one was being traced.</param>
/// <param name="OccurredAt">When the outbox row was written (the change's commit time, to the clock's precision).</param>
internal sealed record MessageEnvelope(Guid MessageId, string EventName, ReadOnlyMemory<byte> Payload, string? TraceParent, DateTimeOffset OccurredAt);
