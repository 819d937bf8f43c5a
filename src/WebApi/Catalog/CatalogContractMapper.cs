using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.Catalog;

/// <summary>Version 1's wire shapes from the application's DTOs, and its requests into domain input.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CatalogContractMapper
{
    public static partial ProductResponse ToResponse(this ProductDto product);

    public static partial CategoryResponse ToResponse(this CategoryDto category);

    public static partial ProductDetails ToDetails(this ProductWriteRequest request);

    [MapProperty(nameof(ProductListParameters.Q), nameof(ProductListSelection.Search))]
    public static partial ProductListSelection ToSelection(this ProductListParameters parameters);
}
