using Enterprise.Application.Common.Caching;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>An active product by id; served from the cache, which every write to the product invalidates.</summary>
public sealed record GetProductQuery(Guid ProductId) : IQuery<Result<ProductDto>>, ICacheableQuery
{
    string ICacheableQuery.CacheKey => ProductCacheKeys.ById(ProductId);
}

internal sealed class GetProductHandler(IProductQueries queries) : IQueryHandler<GetProductQuery, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await queries.FindActiveAsync(query.ProductId, cancellationToken);
        return product is null ? ProductErrors.NotFound(query.ProductId) : product;
    }
}
