using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.Catalog.V1;

/// <summary>Version 1's product shapes from the application's DTO, and its requests into domain input.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProductContractMapper
{
    public static partial ProductResponse ToResponse(this ProductDto product);

    public static partial ProductDetails ToDetails(this ProductWriteRequest request);
}
