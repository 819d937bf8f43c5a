using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>One listener of one domain event type, found by <c>AddModuleDomainEventListeners</c> at start-up.</summary>
/// <param name="EventType">The domain event type the listener accepts (it also hears events derived from it).</param>
/// <param name="ListenerType">The listener class, registered per scope.</param>
/// <param name="Invoke">Resolves the listener from a scope and calls it: closed over the generic types once, at start-up.</param>
public sealed record DomainEventListenerRegistration(
    Type EventType,
    Type ListenerType,
    Func<IServiceProvider, IDomainEvent, CancellationToken, ValueTask> Invoke);
