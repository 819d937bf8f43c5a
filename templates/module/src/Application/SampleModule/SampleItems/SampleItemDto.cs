using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>A SampleItem as use cases return it; the API shapes its responses from it.</summary>
public sealed record SampleItemDto(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt, long Version) : IHasResourceId, IHasVersion
{
    Guid IHasResourceId.ResourceId => Id;
}
