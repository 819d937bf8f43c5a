using Enterprise.Application.SampleModule.SampleItems;
using Enterprise.Domain.SampleModule;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.SampleModule;

internal sealed class SampleItemRepository(EnterpriseDbContext dbContext) : ISampleItemRepository
{
    public Task<SampleItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.Set<SampleItem>().SingleOrDefaultAsync(sampleItem => sampleItem.Id == id, cancellationToken);

    public void Add(SampleItem sampleItem) => dbContext.Set<SampleItem>().Add(sampleItem);

    public void Remove(SampleItem sampleItem) => dbContext.Set<SampleItem>().Remove(sampleItem);
}
