using Enterprise.Application.Common.Persistence;
using Enterprise.Application.SampleModule.SampleItems;
using Enterprise.Domain.SampleModule;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.SampleModule;

internal sealed class SampleItemQueries(EnterpriseDbContext dbContext) : ISampleItemQueries
{
    /// <summary>Oldest first; the id (a version 7 GUID) keeps the order total, so pages never swap two created at once.</summary>
    private static readonly KeysetOrder<SampleItem>[] OldestFirst =
    [
        new(new KeysetColumn<SampleItem, DateTime>(sampleItem => sampleItem.CreatedAt), Descending: false),
        new(new KeysetColumn<SampleItem, Guid>(sampleItem => sampleItem.Id), Descending: false),
    ];

    public Task<SampleItemDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        SampleItems().Where(sampleItem => sampleItem.Id == id).ProjectToDto().SingleOrDefaultAsync(cancellationToken);

    public async Task<KeysetSlice<SampleItemDto>> SeekAsync(int limit, SampleItemListPosition? after, CancellationToken cancellationToken)
    {
        var sampleItems = SampleItems();
        if (after is not null)
        {
            sampleItems = sampleItems.After(OldestFirst, [after.CreatedAt, after.Id]);
        }

        return await sampleItems.OrderBy(OldestFirst).ProjectToDto().ReadSliceAsync(limit, cancellationToken);
    }

    private IQueryable<SampleItem> SampleItems() => dbContext.Set<SampleItem>().AsNoTracking();
}
