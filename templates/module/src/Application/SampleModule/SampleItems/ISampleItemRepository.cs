using Enterprise.Domain.SampleModule;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>Loads and stores SampleItem aggregates for commands; changes are committed by the unit of work.</summary>
public interface ISampleItemRepository
{
    /// <summary>The SampleItem, tracked for changes, or null when it does not exist.</summary>
    Task<SampleItem?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(SampleItem sampleItem);

    void Remove(SampleItem sampleItem);
}
