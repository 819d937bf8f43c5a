namespace Enterprise.Domain.Common;

/// <summary>
/// A consistency boundary with a GUID identity (version 7, so new rows append to indexes) and an
/// optimistic-concurrency <see cref="Version"/> that every state change increments.
/// </summary>
public abstract class AggregateRoot
{
    protected AggregateRoot(Guid id) => Id = id;

    public Guid Id { get; private init; }

    /// <summary>Starts at 1 and grows by one with each change; persistence rejects a write based on a stale value.</summary>
    public long Version { get; private set; } = 1;

    protected void IncrementVersion() => Version++;
}
