namespace Enterprise.Application.Common.IntegrationEvents;

/// <summary>
/// One consumer of one integration event in one module, found by <c>AddModuleIntegrationEventConsumers</c> at start-up.
/// The transport reads these to declare a queue per module and to run the consumers of each message.
/// </summary>
/// <param name="Module">The consuming module, lower case (for example <c>catalog</c>): its queue's name.</param>
/// <param name="EventName">The event's <see cref="IIntegrationEvent.EventName"/>: the routing key.</param>
/// <param name="EventType">The event's contract type, which the payload is deserialized into.</param>
/// <param name="ConsumerType">The consumer class; its full name is its name in the inbox.</param>
/// <param name="Invoke">
/// Resolves the consumer from a scope and calls it with a deserialized event: closed over the generic types once, so a
/// message costs no reflection.
/// </param>
public sealed record IntegrationEventConsumerRegistration(
    string Module,
    string EventName,
    Type EventType,
    Type ConsumerType,
    Func<IServiceProvider, object, IntegrationEventContext, CancellationToken, Task> Invoke)
{
    /// <summary>The consumer's name in the inbox: its full type name, so renaming it makes it a new consumer.</summary>
    public string ConsumerName => ConsumerType.FullName ?? ConsumerType.Name;
}
