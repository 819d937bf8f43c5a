namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>
/// A fact one module publishes for others: a contract, versioned by its name, carried by the outbox and the
/// broker. Only primitive members, strings, GUIDs, decimals, instants and lists of records of those.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>
    /// The stable wire name (<c>module.event-name</c>, for example <c>ordering.order-placed</c>): the broker's routing
    /// key and the consumer's lookup key. Never renamed; a breaking change is a new name.
    /// </summary>
    static abstract string EventName { get; }
}
