using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>
/// Reacts to a domain event inside the unit of work that raised it, before the change is saved (typically by adding an
/// integration event to the outbox). A failure here fails the whole command: nothing is saved.
/// </summary>
public interface IDomainEventListener<in TEvent>
    where TEvent : IDomainEvent
{
    ValueTask HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
