using System.Collections.Concurrent;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Domain.Common;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>
/// Runs the listeners of the domain events that aggregates raised, before the unit of work saves, until no listener
/// raises more. A listener's exception propagates: the command fails and nothing is saved.
/// </summary>
internal sealed class DomainEventDispatcher(IEnumerable<DomainEventListenerRegistration> registrations)
{
    /// <summary>Listeners raising events that make listeners raise events: past this many rounds it is a loop, not a workflow.</summary>
    public const int MaxRounds = 10;

    private readonly DomainEventListenerRegistration[] _registrations = [.. registrations];
    private readonly ConcurrentDictionary<Type, DomainEventListenerRegistration[]> _listenersByEventType = new();

    /// <param name="takeRaisedEvents">Takes (and clears) the events of every tracked aggregate, including ones a listener just added.</param>
    /// <param name="services">The unit of work's scope, which the listeners are resolved from.</param>
    /// <param name="cancellationToken">Passed to every listener.</param>
    public async Task DispatchAsync(Func<IReadOnlyList<IDomainEvent>> takeRaisedEvents, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(takeRaisedEvents);
        for (var round = 0; round < MaxRounds; round++)
        {
            var raised = takeRaisedEvents();
            if (raised.Count == 0)
            {
                return;
            }

            foreach (var domainEvent in raised)
            {
                foreach (var listener in ListenersOf(domainEvent.GetType()))
                {
                    await listener.Invoke(services, domainEvent, cancellationToken);
                }
            }
        }

        throw new InvalidOperationException($"Domain event listeners still raised events after {MaxRounds} rounds; a listener probably re-raises what it handles.");
    }

    // A listener of a base event type hears the derived events too, as IDomainEventListener<in TEvent> promises.
    private DomainEventListenerRegistration[] ListenersOf(Type eventType) =>
        _listenersByEventType.GetOrAdd(eventType, type => [.. _registrations.Where(listener => listener.EventType.IsAssignableFrom(type))]);
}
