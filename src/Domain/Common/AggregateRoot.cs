namespace Enterprise.Domain.Common;

/// <summary>
/// A consistency boundary with a GUID identity (version 7, so new rows append to indexes), an
/// optimistic-concurrency <see cref="Version"/> that every state change increments, and the domain events
/// raised since it was loaded.
/// </summary>
public abstract class AggregateRoot
{
    // Allocated on the first event only: reads load many aggregates and raise none.
    private List<IDomainEvent>? _domainEvents;

    protected AggregateRoot(Guid id) => Id = id;

    public Guid Id { get; private init; }

    /// <summary>Starts at 1 and grows by one with each change; persistence rejects a write based on a stale value.</summary>
    public long Version { get; private set; } = 1;

    /// <summary>The events raised and not yet dispatched; not persisted.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents ?? (IReadOnlyList<IDomainEvent>)[];

    /// <summary>Hands the raised events over to the dispatcher and forgets them, so each is dispatched once.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var taken = DomainEvents;
        _domainEvents = null;
        return taken;
    }

    protected void IncrementVersion() => Version++;

    protected void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        (_domainEvents ??= []).Add(domainEvent);
    }
}
