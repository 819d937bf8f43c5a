using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

public sealed record GetProductQuery(Guid ProductId) : IQuery<Result<ProductDto>>;

internal sealed class GetProductHandler(IProductQueries queries) : IQueryHandler<GetProductQuery, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await queries.FindActiveAsync(query.ProductId, cancellationToken);
        return product is null ? ProductErrors.NotFound(query.ProductId) : product;
    }
}
