using Enterprise.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace Enterprise.Application.Catalog.Categories;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CategoryMapper
{
    public static partial CategoryDto ToDto(this Category category);

    public static partial IQueryable<CategoryDto> ProjectToDto(this IQueryable<Category> categories);
}
