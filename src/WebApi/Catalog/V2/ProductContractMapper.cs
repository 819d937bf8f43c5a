using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace Enterprise.WebApi.Catalog.V2;

/// <summary>Version 2's product shapes from the application's DTO, and its requests into domain input.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProductContractMapper
{
    [MapPropertyFromSource(nameof(ProductResponse.Price), Use = nameof(PriceOf))]
    public static partial ProductResponse ToResponse(this ProductDto product);

    /// <summary>What a PUT would have to send to leave the product as it is: the document a merge patch applies to.</summary>
    [MapPropertyFromSource(nameof(ProductWriteRequest.Price), Use = nameof(PriceOf))]
    public static partial ProductWriteRequest ToWriteRequest(this ProductDto product);

    [MapProperty("Price.Amount", nameof(ProductDetails.Price))]
    [MapProperty("Price.Currency", nameof(ProductDetails.Currency))]
    public static partial ProductDetails ToDetails(this ProductWriteRequest request);

    private static Price PriceOf(ProductDto product) => new() { Amount = product.Price, Currency = product.Currency };
}
