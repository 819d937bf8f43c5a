using Enterprise.Domain.Catalog;
using Riok.Mapperly.Abstractions;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Compile-time mapping from the aggregate to its DTO, in memory and as a database projection.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class ProductMapper
{
    [MapProperty("Price.Amount", nameof(ProductDto.Price))]
    [MapProperty("Price.Currency", nameof(ProductDto.Currency))]
    public static partial ProductDto ToDto(this Product product);

    /// <summary>Translated by the database provider into a SELECT of just the DTO's columns.</summary>
    public static partial IQueryable<ProductDto> ProjectToDto(this IQueryable<Product> products);
}
