using Enterprise.Application.Common.Auditing;

namespace Enterprise.Application.Catalog.Categories;

public sealed record CategoryDto(Guid Id, string Name, string Slug, long Version) : IHasResourceId
{
    Guid IHasResourceId.ResourceId => Id;
}
