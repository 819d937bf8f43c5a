namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>
/// The only way an integration event leaves a module: it is written to the outbox in the current unit of work and
/// published by the relay after that unit of work commits. A rolled-back change leaves no event.
/// </summary>
public interface IIntegrationEventOutbox
{
    void Add<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent;
}
