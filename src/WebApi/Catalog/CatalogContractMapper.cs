using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.Catalog;

/// <summary>
/// The wire shapes every API version shares from the application's DTOs, and the shared list parameters into the
/// application's selection. Each version's own shapes have their mapper in its folder (<c>V1/ProductContractMapper</c>,
/// <c>V2/ProductContractMapper</c>).
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CatalogContractMapper
{
    public static partial CategoryResponse ToResponse(this CategoryDto category);

    [MapProperty(nameof(ProductListParameters.Q), nameof(ProductListSelection.Search))]
    public static partial ProductListSelection ToSelection(this ProductListParameters parameters);
}
