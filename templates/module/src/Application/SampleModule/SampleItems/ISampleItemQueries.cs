using Enterprise.Application.Common.Persistence;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Read side for SampleItem: untracked projections straight to DTOs.</summary>
public interface ISampleItemQueries
{
    Task<SampleItemDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> SampleItems, oldest first (then by id), after <paramref name="after"/> or from the start.
    /// </summary>
    Task<KeysetSlice<SampleItemDto>> SeekAsync(int limit, SampleItemListPosition? after, CancellationToken cancellationToken);
}

/// <summary>A SampleItem's position in the list, oldest first: when it was created, then its id.</summary>
public sealed record SampleItemListPosition(DateTime CreatedAt, Guid Id);
