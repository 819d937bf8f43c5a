using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// Commits the request's DbContext: first the listeners of the domain events the tracked aggregates raised (which may
/// add outbox rows), then one save, so the change and its events commit together or not at all. Lost races surface as
/// <see cref="ConcurrencyConflictException"/>.
/// </summary>
internal sealed class EfUnitOfWork(
    EnterpriseDbContext dbContext,
    IDatabaseProvider provider,
    DomainEventDispatcher domainEvents,
    OutboxSignal outboxSignal,
    IServiceProvider scopedServices) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        await domainEvents.DispatchAsync(TakeRaisedEvents, scopedServices, cancellationToken);
        var addsOutboxRows = dbContext.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added);
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException("The resource was changed by another request; re-read it and try again.", staleVersion: true, exception);
        }
        catch (DbUpdateException exception) when (provider.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("Another request created the same unique value first.", staleVersion: false, exception);
        }

        // Inside a caller's transaction the rows are not visible until it commits; that caller wakes the relay.
        if (addsOutboxRows && dbContext.Database.CurrentTransaction is null)
        {
            outboxSignal.Notify();
        }
    }

    private List<IDomainEvent> TakeRaisedEvents() =>
        [.. dbContext.ChangeTracker.Entries<AggregateRoot>().SelectMany(entry => entry.Entity.TakeDomainEvents())];
}
