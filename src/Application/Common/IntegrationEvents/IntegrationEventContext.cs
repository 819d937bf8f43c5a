namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>What the transport knows about the message being handled.</summary>
/// <param name="MessageId">The outbox row's id: the same for every delivery of one event.</param>
/// <param name="OccurredAt">When the change that published the event was committed.</param>
public sealed record IntegrationEventContext(Guid MessageId, DateTimeOffset OccurredAt);
