using System.Diagnostics;
using System.Text.Json;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Domain.Common;
using Enterprise.Infrastructure.Persistence;

namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Adds the event as an outbox row to the request's DbContext: the unit of work saves it with the change that caused it,
/// or not at all.
/// </summary>
internal sealed class EfIntegrationEventOutbox(EnterpriseDbContext dbContext, TimeProvider clock) : IIntegrationEventOutbox
{
    public void Add<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var instant = clock.GetUtcNow();
        var now = UtcTimestamp.From(instant);
        dbContext.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(instant),
            EventName = TEvent.EventName,
            Payload = JsonSerializer.Serialize(integrationEvent, MessagingJson.Options),
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
            OccurredAt = now,
            NextAttemptAt = now,
        });
    }
}
