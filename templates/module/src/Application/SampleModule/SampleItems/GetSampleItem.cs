using Enterprise.Domain.Common;
using Enterprise.Domain.SampleModule;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>A SampleItem by id.</summary>
public sealed record GetSampleItemQuery(Guid SampleItemId) : IQuery<Result<SampleItemDto>>;

internal sealed class GetSampleItemHandler(ISampleItemQueries queries) : IQueryHandler<GetSampleItemQuery, Result<SampleItemDto>>
{
    public async ValueTask<Result<SampleItemDto>> Handle(GetSampleItemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sampleItem = await queries.FindAsync(query.SampleItemId, cancellationToken);
        return sampleItem is null ? SampleItemErrors.NotFound(query.SampleItemId) : sampleItem;
    }
}
