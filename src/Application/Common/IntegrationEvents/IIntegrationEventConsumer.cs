namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>
/// A module's reaction to another module's event. The transport calls it inside a unit of work that also records the
/// message in the inbox, and commits both together: it only changes aggregates (and may add events to the
/// outbox), it never saves. A message delivered twice reaches it once.
/// </summary>
/// <remarks>The consumer's full type name is its name in the inbox: renaming it makes it a new consumer.</remarks>
public interface IIntegrationEventConsumer<in TEvent>
    where TEvent : class, IIntegrationEvent
{
    Task ConsumeAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}
